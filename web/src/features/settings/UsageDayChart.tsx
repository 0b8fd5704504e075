import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDarkMode } from '../../app/theme';
import type { Usage } from './usage';

use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Tokens per day of the month, prompt and completion stacked (loaded only on the usage page). */
export default function UsageDayChart({ days }: { days: Usage['by_day'] }) {
  const { t, i18n } = useTranslation('settings');
  const dark = useDarkMode();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = init(element.current, dark ? 'dark' : undefined, { renderer: 'canvas' });
    const format = new Intl.NumberFormat(i18n.language);
    chart.setOption({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => format.format(value) },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: days.map((day) => day.day.slice(5)) },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format.format(value) } },
      series: [
        { name: t('usage.prompt'), type: 'bar', stack: 'tokens', barMaxWidth: 48, data: days.map((day) => day.prompt_tokens) },
        { name: t('usage.completion'), type: 'bar', stack: 'tokens', barMaxWidth: 48, data: days.map((day) => day.completion_tokens) },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [days, dark, t, i18n.language]);
  return <div ref={element} role="img" aria-label={t('usage.perDay')} style={{ width: '100%', height: 260 }} />;
}

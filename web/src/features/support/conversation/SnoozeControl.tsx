import { ClockCircleOutlined, DownOutlined } from '@ant-design/icons';
import { Button, DatePicker, Dropdown, Flex, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SnoozeChoice, snoozeUntil } from './snooze';

/** Snooze: 1 hour, tomorrow, next week, or a date and time of the agent's choosing. */
export function SnoozeControl({ onSnooze, disabled }: { onSnooze: (until: Date) => void; disabled?: boolean }) {
  const { t } = useTranslation('support');
  const [picking, setPicking] = useState(false);
  const [value, setValue] = useState<Dayjs | null>(null);
  const choices: SnoozeChoice[] = ['hour', 'tomorrow', 'nextWeek'];
  return (
    <>
      <Dropdown
        trigger={['click']}
        disabled={disabled}
        menu={{
          items: [
            ...choices.map((choice) => ({ key: choice, label: t(`snooze.${choice}`), onClick: () => onSnooze(snoozeUntil(choice)) })),
            { type: 'divider' as const },
            { key: 'custom', label: t('snooze.custom'), onClick: () => setPicking(true) },
          ],
        }}
      >
        <Button size="small" icon={<ClockCircleOutlined />} data-testid="snooze">
          <Flex gap={4} align="center">
            {t('snooze.label')} <DownOutlined style={{ fontSize: 10 }} />
          </Flex>
        </Button>
      </Dropdown>
      <Modal
        open={picking}
        title={t('snooze.customTitle')}
        onCancel={() => setPicking(false)}
        okText={t('snooze.confirm')}
        cancelText={t('common:actions.cancel')}
        okButtonProps={{ disabled: !value || value.isBefore(dayjs()) }}
        onOk={() => {
          if (value) onSnooze(value.toDate());
          setPicking(false);
        }}
        destroyOnHidden
      >
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format="YYYY-MM-DD HH:mm"
          value={value}
          onChange={setValue}
          disabledDate={(day) => day.isBefore(dayjs(), 'day')}
          aria-label={t('snooze.when')}
          style={{ width: '100%' }}
          needConfirm={false}
        />
      </Modal>
    </>
  );
}

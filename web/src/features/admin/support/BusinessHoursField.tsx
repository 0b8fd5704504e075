import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Switch, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from './api';
import { rangesProblem } from './businessHours';
import { NS } from './i18n';

const FORMAT = 'HH:mm';
/** The server takes up to four ranges a day. */
const MAX_RANGES = 4;

/** The week's opening hours: always open, or per weekday a switch and its time ranges. */
export function BusinessHoursField() {
  const { t } = useTranslation(NS);
  const form = Form.useFormInstance();
  const always = Form.useWatch(['hours', 'always'], form);
  return (
    <>
      <Form.Item name={['hours', 'always']} valuePropName="checked" label={t('inboxes.alwaysOpen')} extra={t('inboxes.alwaysOpenHelp')}>
        <Switch aria-label={t('inboxes.alwaysOpen')} />
      </Form.Item>
      {!always && (
        <Flex vertical gap={8} style={{ marginBottom: 16 }} role="group" aria-label={t('inboxes.businessHours')}>
          {WEEKDAYS.map((day) => (
            <DayRow key={day} day={day} />
          ))}
        </Flex>
      )}
    </>
  );
}

function DayRow({ day }: { day: (typeof WEEKDAYS)[number] }) {
  const { t } = useTranslation(NS);
  const form = Form.useFormInstance();
  const open = Form.useWatch(['hours', 'days', day, 'open'], form);
  const dayName = t(`weekdays.${day}`);
  return (
    <Flex gap={12} align="flex-start" wrap data-testid={`hours-${day}`}>
      <Flex gap={8} align="center" style={{ width: 150, height: 32 }}>
        <Form.Item name={['hours', 'days', day, 'open']} valuePropName="checked" noStyle>
          <Switch size="small" aria-label={t('inboxes.openOn', { day: dayName })} />
        </Form.Item>
        <Typography.Text>{dayName}</Typography.Text>
      </Flex>
      {open ? (
        <Form.List
          name={['hours', 'days', day, 'ranges']}
          rules={[
            {
              validator: async (_, ranges: [string, string][]) => {
                const problem = rangesProblem(ranges ?? []);
                if (problem) throw new Error(t(`inboxes.hoursProblem.${problem}`));
              },
            },
          ]}
        >
          {(rows, { add, remove }, { errors }) => (
            <Flex vertical gap={4} style={{ flex: 1, minWidth: 260 }}>
              <Flex gap={6} wrap align="center">
                {rows.map((row, index) => (
                  <Flex key={row.key} gap={2} align="center">
                    <Form.Item
                      name={row.name}
                      noStyle
                      rules={[{ required: true, message: t('inboxes.rangeRequired') }]}
                      getValueProps={(value: [string, string] | undefined) => ({
                        value: value ? [dayjs(value[0], FORMAT), dayjs(value[1], FORMAT)] : undefined,
                      })}
                      normalize={(value: [dayjs.Dayjs, dayjs.Dayjs] | null) => (value ? [value[0].format(FORMAT), value[1].format(FORMAT)] : undefined)}
                    >
                      <TimePicker.RangePicker
                        format={FORMAT}
                        minuteStep={15}
                        needConfirm={false}
                        aria-label={t('inboxes.rangeOf', { day: dayName, n: index + 1 })}
                        style={{ width: 200 }}
                      />
                    </Form.Item>
                    {rows.length > 1 && (
                      <Button
                        type="text"
                        size="small"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(row.name)}
                        aria-label={t('inboxes.removeRange', { day: dayName, n: index + 1 })}
                      />
                    )}
                  </Flex>
                ))}
                {rows.length < MAX_RANGES && (
                <Button
                  type="link"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add(['13:00', '17:00'])}
                  aria-label={t('inboxes.addRangeOn', { day: dayName })}
                >
                  {t('inboxes.addRange')}
                </Button>
                )}
              </Flex>
              <Form.ErrorList errors={errors} />
            </Flex>
          )}
        </Form.List>
      ) : (
        <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
          {t('inboxes.closed')}
        </Typography.Text>
      )}
    </Flex>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Availability, AVAILABILITIES, type Me, supportApi } from './api';
import { supportProblemText } from './problems';
import { supportKeys, useMe } from './queries';

const DOT: Record<Availability, 'success' | 'warning' | 'default'> = { online: 'success', busy: 'warning', offline: 'default' };

/** The agent's availability: online agents get handoffs and assignments, busy ones keep theirs, offline ones none. */
export function AvailabilitySwitch() {
  const { t } = useTranslation('support');
  const { message } = App.useApp();
  const client = useQueryClient();
  const me = useMe();
  const change = useMutation({
    mutationFn: (availability: Availability) => supportApi.setAvailability(availability),
    onSuccess: ({ availability }) => {
      client.setQueryData<Me>(supportKeys.me, (now) => (now ? { ...now, availability } : now));
      void client.invalidateQueries({ queryKey: supportKeys.agents });
    },
    onError: (error) => void message.error(supportProblemText(error)),
  });
  const value = change.isPending ? change.variables : me.data?.availability;
  return (
    <Segmented<Availability>
      size="small"
      value={value ?? 'offline'}
      disabled={!me.data || change.isPending}
      onChange={(availability) => change.mutate(availability)}
      aria-label={t('availability.label')}
      data-testid="availability"
      options={AVAILABILITIES.map((availability) => ({
        value: availability,
        label: <Badge status={DOT[availability]} text={t(`availability.${availability}`)} />,
      }))}
    />
  );
}

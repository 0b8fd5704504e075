import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AdminTeam, supportAdminApi } from './api';
import { ConsolePage } from './ConsolePage';
import { type EditorProps, useEditorModal } from './editorModal';
import { FormModal } from './FormModal';
import { NS } from './i18n';
import { ListTable } from './ListTable';
import { useRowMutation } from './mutations';
import { rowActionsColumn } from './RowActions';
import { staffOptions, useStaff } from './shared';

interface Values {
  name: string;
  member_ids: string[];
}

/** The lists a team is in: the console's and the desk's. */
const TEAM_LISTS = [['admin', 'support', 'teams'], ['support', 'teams']];

function TeamModal({ editing, ...modal }: EditorProps<AdminTeam>) {
  const { t } = useTranslation(NS);
  const staff = useStaff();
  const save = (values: Values) => {
    const body = { name: values.name.trim(), member_ids: values.member_ids ?? [] };
    return editing ? supportAdminApi.updateTeam(editing.id, body) : supportAdminApi.createTeam(body);
  };
  return (
    <FormModal<Values>
      {...modal}
      title={editing ? t('teams.edit', { name: editing.name }) : t('teams.create')}
      initialValues={{ name: editing?.name ?? '', member_ids: editing?.member_ids ?? [] }}
      save={save}
      invalidates={TEAM_LISTS}
    >
      <Form.Item name="name" label={t('teams.name')} rules={[{ required: true, whitespace: true, max: 100, message: t('teams.nameRequired') }]}>
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
      <Form.Item name="member_ids" label={t('teams.members')}>
        <Select mode="multiple" loading={staff.isLoading} showSearch={{ optionFilterProp: 'label' }} options={staffOptions(staff.data)} aria-label={t('teams.members')} />
      </Form.Item>
    </FormModal>
  );
}

/** Teams: groups of agents a conversation can be given to. */
export function TeamsPage() {
  const { t } = useTranslation(NS);
  const teams = useQuery({ queryKey: ['admin', 'support', 'teams'], queryFn: supportAdminApi.teams });
  const staff = useStaff();
  const names = new Map((staff.data ?? []).map((person) => [person.id, person.name || person.email]));
  const editor = useEditorModal<AdminTeam>();
  const remove = useRowMutation((team: AdminTeam) => supportAdminApi.deleteTeam(team.id), TEAM_LISTS);
  return (
    <ConsolePage title={t('teams.title')} intro={t('teams.intro')} createLabel={t('teams.create')} onCreate={() => editor.edit(null)} query={teams}>
      <ListTable<AdminTeam>
        list={teams}
        empty={t('teams.empty')}
        columns={[
          { title: t('teams.name'), dataIndex: 'name', width: 220 },
          {
            title: t('teams.members'),
            dataIndex: 'member_ids',
            render: (ids: string[]) => (
              <Space size={4} wrap>
                {(ids ?? []).map((id) => (
                  <Tag key={id}>{names.get(id) ?? id.slice(0, 8)}</Tag>
                ))}
              </Space>
            ),
          },
          rowActionsColumn<AdminTeam>({
            title: t('actions'),
            width: 170,
            labels: ({ name }) => ({ edit: t('teams.edit', { name }), delete: t('teams.deleteOf', { name }), deleteConfirm: t('teams.deleteConfirm', { name }) }),
            onEdit: editor.edit,
            onDelete: remove.mutateAsync,
          }),
        ]}
      />
      <TeamModal key={editor.key} {...editor.props} />
    </ConsolePage>
  );
}

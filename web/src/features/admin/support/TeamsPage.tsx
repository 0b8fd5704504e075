import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../i18n/problems';
import { isUnavailable, PageTitle, Unavailable } from '../shared';
import { type AdminTeam, supportAdminApi } from './api';
import { NS } from './i18n';
import { SupportErrorAlert, supportAdminProblemText } from './problems';
import { staffOptions, useStaff } from './shared';

interface Values {
  name: string;
  member_ids: string[];
}

function TeamModal({ open, editing, onClose }: { open: boolean; editing: AdminTeam | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const client = useQueryClient();
  const staff = useStaff();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = { name: values.name.trim(), member_ids: values.member_ids ?? [] };
      return editing ? supportAdminApi.updateTeam(editing.id, body) : supportAdminApi.createTeam(body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin', 'support', 'teams'] });
      void client.invalidateQueries({ queryKey: ['support', 'teams'] });
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      if (fields.length) form.setFields(fields.map(({ name, errors }) => ({ name: name as keyof Values, errors })));
    },
  });
  return (
    <Modal
      open={open}
      title={editing ? t('teams.edit', { name: editing.name }) : t('teams.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.error && fieldErrors(save.error).length === 0 && <SupportErrorAlert error={save.error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ name: editing?.name ?? '', member_ids: editing?.member_ids ?? [] }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="name" label={t('teams.name')} rules={[{ required: true, whitespace: true, max: 100, message: t('teams.nameRequired') }]}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item name="member_ids" label={t('teams.members')}>
          <Select mode="multiple" loading={staff.isLoading} showSearch={{ optionFilterProp: 'label' }} options={staffOptions(staff.data)} aria-label={t('teams.members')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Teams: groups of agents a conversation can be given to. */
export function TeamsPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const teams = useQuery({ queryKey: ['admin', 'support', 'teams'], queryFn: supportAdminApi.teams });
  const staff = useStaff();
  const names = new Map((staff.data ?? []).map((person) => [person.id, person.name || person.email]));
  const [modal, setModal] = useState<{ open: boolean; editing: AdminTeam | null; key: number }>({ open: false, editing: null, key: 0 });
  const remove = useMutation({
    mutationFn: (team: AdminTeam) => supportAdminApi.deleteTeam(team.id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin', 'support', 'teams'] });
      void client.invalidateQueries({ queryKey: ['support', 'teams'] });
    },
    onError: (error) => void message.error(supportAdminProblemText(error)),
  });
  const open = (editing: AdminTeam | null) => setModal((now) => ({ open: true, editing, key: now.key + 1 }));
  if (teams.error && isUnavailable(teams.error))
    return (
      <>
        <PageTitle title={t('teams.title')} />
        <Unavailable />
      </>
    );
  return (
    <>
      <PageTitle
        title={t('teams.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)}>
            {t('teams.create')}
          </Button>
        }
      >
        {t('teams.intro')}
      </PageTitle>
      {teams.error && <SupportErrorAlert error={teams.error} onRetry={() => void teams.refetch()} />}
      <Table<AdminTeam>
        rowKey="id"
        size="middle"
        loading={teams.isLoading}
        dataSource={teams.data ?? []}
        pagination={false}
        locale={{ emptyText: t('teams.empty') }}
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
          {
            title: t('actions'),
            key: 'actions',
            width: 170,
            render: (_, team) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => open(team)} aria-label={t('teams.edit', { name: team.name })}>
                  {tc('actions.edit')}
                </Button>
                <Popconfirm
                  title={t('teams.deleteConfirm', { name: team.name })}
                  okText={tc('actions.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={tc('actions.cancel')}
                  onConfirm={() => remove.mutateAsync(team).catch(() => undefined)}
                >
                  <Button type="link" danger size="small" aria-label={t('teams.deleteOf', { name: team.name })}>
                    {tc('actions.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <TeamModal key={modal.key} open={modal.open} editing={modal.editing} onClose={() => setModal((now) => ({ ...now, open: false }))} />
    </>
  );
}

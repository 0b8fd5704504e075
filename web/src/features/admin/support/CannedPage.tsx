import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../i18n/problems';
import { type CannedResponse, supportApi } from '../../support/api';
import { isUnavailable, PageTitle, Unavailable } from '../shared';
import { NS } from './i18n';
import { SupportErrorAlert, supportAdminProblemText } from './problems';

interface Values {
  short_code: string;
  content: string;
}

function CannedModal({ open, editing, onClose }: { open: boolean; editing: CannedResponse | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = { short_code: values.short_code.trim().replace(/^\//, ''), content: values.content };
      return editing ? supportApi.updateCanned(editing.id, body) : supportApi.createCanned(body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['support', 'canned'] });
      void client.invalidateQueries({ queryKey: ['admin', 'support', 'canned'] });
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
      title={editing ? t('canned.edit', { code: editing.short_code }) : t('canned.create')}
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
        initialValues={{ short_code: editing?.short_code ?? '', content: editing?.content ?? '' }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="short_code"
          label={t('canned.shortCode')}
          extra={t('canned.shortCodeHelp')}
          rules={[
            { required: true, message: t('canned.shortCodeRequired') },
            { pattern: /^\/?[\p{L}\p{N}_-]{1,50}$/u, message: t('canned.shortCodePattern') },
          ]}
        >
          <Input prefix="/" autoComplete="off" maxLength={51} />
        </Form.Item>
        <Form.Item name="content" label={t('canned.content')} rules={[{ required: true, whitespace: true, message: t('canned.contentRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Canned responses: texts agents insert with `/short_code` in the composer. */
export function CannedPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const canned = useQuery({ queryKey: ['admin', 'support', 'canned', q], queryFn: () => supportApi.canned(q) });
  const [modal, setModal] = useState<{ open: boolean; editing: CannedResponse | null; key: number }>({ open: false, editing: null, key: 0 });
  const remove = useMutation({
    mutationFn: (item: CannedResponse) => supportApi.deleteCanned(item.id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin', 'support', 'canned'] });
      void client.invalidateQueries({ queryKey: ['support', 'canned'] });
    },
    onError: (error) => void message.error(supportAdminProblemText(error)),
  });
  const open = (editing: CannedResponse | null) => setModal((now) => ({ open: true, editing, key: now.key + 1 }));
  if (canned.error && isUnavailable(canned.error))
    return (
      <>
        <PageTitle title={t('canned.title')} />
        <Unavailable />
      </>
    );
  return (
    <>
      <PageTitle
        title={t('canned.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)}>
            {t('canned.create')}
          </Button>
        }
      >
        {t('canned.intro')}
      </PageTitle>
      <Input.Search
        allowClear
        placeholder={t('canned.searchPlaceholder')}
        aria-label={t('canned.search')}
        enterButton={tc('actions.search')}
        onSearch={(value) => setQ(value.trim())}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      {canned.error && <SupportErrorAlert error={canned.error} onRetry={() => void canned.refetch()} />}
      <Table<CannedResponse>
        rowKey="id"
        size="middle"
        loading={canned.isLoading}
        dataSource={canned.data ?? []}
        pagination={false}
        locale={{ emptyText: t('canned.empty') }}
        columns={[
          { title: t('canned.shortCode'), dataIndex: 'short_code', width: 200, render: (code: string) => <Typography.Text code>/{code}</Typography.Text> },
          {
            title: t('canned.content'),
            dataIndex: 'content',
            render: (content: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: content }} style={{ margin: 0 }}>{content}</Typography.Paragraph>,
          },
          {
            title: t('actions'),
            key: 'actions',
            width: 170,
            render: (_, item) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => open(item)} aria-label={t('canned.edit', { code: item.short_code })}>
                  {tc('actions.edit')}
                </Button>
                <Popconfirm
                  title={t('canned.deleteConfirm', { code: item.short_code })}
                  okText={tc('actions.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={tc('actions.cancel')}
                  onConfirm={() => remove.mutateAsync(item).catch(() => undefined)}
                >
                  <Button type="link" danger size="small" aria-label={t('canned.deleteOf', { code: item.short_code })}>
                    {tc('actions.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <CannedModal key={modal.key} open={modal.open} editing={modal.editing} onClose={() => setModal((now) => ({ ...now, open: false }))} />
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CannedResponse, supportApi } from '../../support/api';
import { ConsolePage } from './ConsolePage';
import { type EditorProps, useEditorModal } from './editorModal';
import { FormModal } from './FormModal';
import { NS } from './i18n';
import { ListTable } from './ListTable';
import { useRowMutation } from './mutations';
import { rowActionsColumn } from './RowActions';

interface Values {
  short_code: string;
  content: string;
}

/** The lists a canned response is in: the console's and the composer's suggestions. */
const CANNED_LISTS = [['admin', 'support', 'canned'], ['support', 'canned']];

function CannedModal({ editing, ...modal }: EditorProps<CannedResponse>) {
  const { t } = useTranslation(NS);
  const save = (values: Values) => {
    const body = { short_code: values.short_code.trim().replace(/^\//, ''), content: values.content };
    return editing ? supportApi.updateCanned(editing.id, body) : supportApi.createCanned(body);
  };
  return (
    <FormModal<Values>
      {...modal}
      title={editing ? t('canned.edit', { code: editing.short_code }) : t('canned.create')}
      initialValues={{ short_code: editing?.short_code ?? '', content: editing?.content ?? '' }}
      save={save}
      invalidates={CANNED_LISTS}
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
    </FormModal>
  );
}

/** Canned responses: texts agents insert with `/short_code` in the composer. */
export function CannedPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const [q, setQ] = useState('');
  const canned = useQuery({ queryKey: ['admin', 'support', 'canned', q], queryFn: () => supportApi.canned(q) });
  const editor = useEditorModal<CannedResponse>();
  const remove = useRowMutation((item: CannedResponse) => supportApi.deleteCanned(item.id), CANNED_LISTS);
  return (
    <ConsolePage
      title={t('canned.title')}
      intro={t('canned.intro')}
      createLabel={t('canned.create')}
      onCreate={() => editor.edit(null)}
      query={canned}
      toolbar={
        <Input.Search
          allowClear
          placeholder={t('canned.searchPlaceholder')}
          aria-label={t('canned.search')}
          enterButton={tc('actions.search')}
          onSearch={(value) => setQ(value.trim())}
          style={{ maxWidth: 420, marginBottom: 16 }}
        />
      }
    >
      <ListTable<CannedResponse>
        list={canned}
        empty={t('canned.empty')}
        columns={[
          { title: t('canned.shortCode'), dataIndex: 'short_code', width: 200, render: (code: string) => <Typography.Text code>/{code}</Typography.Text> },
          {
            title: t('canned.content'),
            dataIndex: 'content',
            render: (content: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: content }} style={{ margin: 0 }}>{content}</Typography.Paragraph>,
          },
          rowActionsColumn<CannedResponse>({
            title: t('actions'),
            width: 170,
            labels: ({ short_code: code }) => ({ edit: t('canned.edit', { code }), delete: t('canned.deleteOf', { code }), deleteConfirm: t('canned.deleteConfirm', { code }) }),
            onEdit: editor.edit,
            onDelete: remove.mutateAsync,
          }),
        ]}
      />
      <CannedModal key={editor.key} {...editor.props} />
    </ConsolePage>
  );
}

import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Flex, List, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemText } from '../../i18n/problems';
import { keys } from '../chat/queries';
import { IMPORT_SOURCES, importFile, type ImportReport, type ImportSource } from './api';

/** Import of a Parley, ChatGPT or Open WebUI export, with the report of what came in and what did not. */
export function ImportSection() {
  const { t } = useTranslation('data');
  const client = useQueryClient();
  const [source, setSource] = useState<ImportSource>('auto');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setReport(null);
    setFailure(null);
    try {
      setReport(await importFile(file, source));
      await client.invalidateQueries({ queryKey: keys.conversations });
    } catch (error) {
      setFailure(problemText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="parley-import-title" style={{ marginTop: 32 }}>
      <Typography.Title level={4} id="parley-import-title">
        {t('import.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <label htmlFor="parley-import-source">{t('import.source')}</label>
        <Select<ImportSource>
          id="parley-import-source"
          style={{ width: 200 }}
          value={source}
          onChange={setSource}
          options={IMPORT_SOURCES.map((value) => ({ value, label: t(`import.sources.${value}`) }))}
        />
      </Flex>
      <div data-testid="import-upload">
        <Upload.Dragger
          accept=".json,.zip,application/json,application/zip"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{busy ? t('import.uploading') : t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.hint')}</p>
        </Upload.Dragger>
      </div>
      {failure && <Alert style={{ marginTop: 12 }} type="error" showIcon message={t('import.failed')} description={failure} />}
      {report && (
        <div data-testid="import-report" style={{ marginTop: 12 }}>
          <Alert
            type={report.skipped.length ? 'warning' : 'success'}
            showIcon
            message={t('import.done', { imported: report.imported.length, skipped: report.skipped.length })}
          />
          {report.imported.length > 0 && (
            <List
              size="small"
              header={t('import.imported')}
              dataSource={report.imported}
              renderItem={(item) => (
                <List.Item>
                  <Link to={`/c/${item.conversation_id}`}>{item.title || t('search.untitled')}</Link>
                  <Typography.Text type="secondary">{t('import.messages', { count: item.messages })}</Typography.Text>
                </List.Item>
              )}
            />
          )}
          {report.skipped.length > 0 && (
            <List
              size="small"
              header={t('import.skipped')}
              dataSource={report.skipped}
              renderItem={(item) => (
                <List.Item>
                  <Typography.Text>{item.title || item.source_id || t('search.untitled')}</Typography.Text>
                  <Typography.Text type="secondary">{t(`import.reasons.${item.reason}`, { defaultValue: item.reason })}</Typography.Text>
                </List.Item>
              )}
            />
          )}
        </div>
      )}
    </section>
  );
}

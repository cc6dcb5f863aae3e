import { ImportDone } from '../../ui/ImportDone';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Card, Progress, Space, Spin, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { findTables, type WorkbookLayout } from '#shared/import/find-table';
import type { ParsedWorkbook } from '#shared/import/grid';
import { MAX_IMPORT_BYTES } from '#shared/import/limits';
import { initialChoices, planImport, type ImportChoices, type ImportMeeting } from '#shared/import/plan';
import { readCrashed } from '#shared/import/read-workbook';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { navigate } from '../../lib/use-route';
import { useMeeting } from '../../meeting/meeting-context';
import { ImportPreview } from './ImportPreview';
import { readInWorker } from './read-in-worker';
import { TemplateButton } from './TemplateButton';

type Stage =
  | { kind: 'idle'; error?: string }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; workbook: ParsedWorkbook; layout: WorkbookLayout }
  | { kind: 'writing'; fileName: string; percent: number }
  | { kind: 'done'; fileName: string; added: number; skipped: number; ids: string[]; undone?: boolean };

/**
 * The 导入 tab: choose or drop a spreadsheet; it is read in a worker, previewed (counts, every
 * rejected row, the column mapping, which can be corrected) and written only on confirmation,
 * in one transaction.
 */
export function ImportTab() {
  const data = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [choices, setChoices] = useState<ImportChoices>();

  const meeting: ImportMeeting = useMemo(
    () => ({
      ruleSet: data.meeting.ruleSet,
      dimensions: data.meeting.dimensions,
      members: data.members.map((m) => ({ id: m.id, name: m.name, position: m.position })),
      existing: data.opinions,
      period: { year: data.meeting.year, plannedDate: data.meeting.plannedDate },
    }),
    [data.meeting, data.members, data.opinions],
  );

  const plan = useMemo(
    () => (stage.kind === 'preview' && choices ? planImport(stage.workbook, stage.layout, choices, meeting) : undefined),
    [stage, choices, meeting],
  );

  const choose = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      setStage({ kind: 'idle', error: `“${file.name}”过大（${(file.size / 1048576).toFixed(1)} MB），导入文件最多 ${MAX_IMPORT_BYTES / 1048576} MB` });
      return;
    }
    setStage({ kind: 'reading', fileName: file.name });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      setStage({ kind: 'idle', error: `读取“${file.name}”失败，请确认文件没有被其他程序占用后重试` });
      return;
    }
    const result = await readInWorker(bytes, file.name);
    if (!result.ok) {
      setStage({ kind: 'idle', error: result.error });
      return;
    }
    const layout = findTables(result.workbook, meeting.members, data.meeting.ruleSet);
    setChoices(initialChoices(layout, data.meeting.ruleSet));
    setStage({ kind: 'preview', workbook: result.workbook, layout });
  };

  const confirm = async () => {
    if (!plan || stage.kind !== 'preview') return;
    const fileName = stage.workbook.fileName;
    setStage({ kind: 'writing', fileName, percent: 0 });
    const rows = plan.toAdd.map((r) => ({ sheet: r.sheet, row: r.row, draft: r.draft }));
    const outcome = await run(() =>
      repos.commitImport(data.meeting.id, fileName, rows, {
        actor,
        onProgress: (done, total) => setStage({ kind: 'writing', fileName, percent: Math.round((done / total) * 100) }),
      }),
    );
    if (outcome) setStage({ kind: 'done', fileName, added: outcome.added, skipped: outcome.skipped, ids: outcome.ids });
    else setStage({ kind: 'preview', workbook: stage.workbook, layout: stage.layout });
  };

  const picker = (
    // No `accept` filter: the picker offers every file (.xlsx, .xls, .et, .ods, .csv, .txt, .docx …) and the
    // drop zone would otherwise silently ignore a dropped .pdf or .doc; the reader names the format
    // from the bytes, and refuses anything else saying what the file is.
    <Upload.Dragger
      multiple={false}
      showUploadList={false}
      disabled={stage.kind === 'reading' || stage.kind === 'writing'}
      beforeUpload={(file) => {
        // choose() reports its own refusals; anything it throws still must not leave the tab reading.
        choose(file).catch((e: unknown) => {
          console.error(e);
          setStage({ kind: 'idle', error: readCrashed(file.name).error });
        });
        return Upload.LIST_IGNORE;
      }}
      data-testid="import-drop"
    >
      {stage.kind === 'preview' ? (
        <span>
          <InboxOutlined style={{ marginRight: 6 }} />
          换一个文件：点击选择或拖入另一份意见表
        </span>
      ) : (
        <>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择或拖入意见表</p>
          <p className="ant-upload-hint">支持 Excel（.xlsx、.xls，含 Excel 4.0/5.0 旧表）、WPS 表格（.et）、OpenDocument 表格（.ods）、CSV/文本（UTF-8、GBK 或 UTF-16），以及含意见表格的 Word 文档（.docx，每个表格按一个工作表读取）；问卷星等问卷导出、每人一个工作表（或每人一个表格）的文件也能识别。导入前会先预览，确认后才写入。</p>
        </>
      )}
    </Upload.Dragger>
  );

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title="从表格导入意见"
        extra={<TemplateButton data={data} />}
      >
        {stage.kind === 'reading' ? (
          <div style={{ padding: 32, textAlign: 'center' }}>
            <Spin tip={`正在读取“${stage.fileName}”…`} size="large">
              <div style={{ height: 48 }} />
            </Spin>
          </div>
        ) : stage.kind === 'writing' ? (
          <div style={{ padding: 24 }} data-testid="import-progress">
            <Typography.Text>正在导入“{stage.fileName}”…</Typography.Text>
            <Progress percent={stage.percent} status="active" />
          </div>
        ) : stage.kind === 'done' ? (
          <ImportDone
            added={stage.added}
            skipped={stage.skipped}
            from={`“${stage.fileName}”`}
            undone={stage.undone === true}
            canUndo={stage.ids.length > 0}
            againLabel="继续导入"
            onMatrix={() => navigate(`/meetings/${data.meeting.id}/readiness`)}
            onAgain={() => setStage({ kind: 'idle' })}
            onUndo={() => {
              const done = stage;
              void run(() => repos.deleteOpinions(done.ids, actor)).then((n) => n !== undefined && setStage({ ...done, undone: true }));
            }}
            testId="import-done"
            undoTestId="undo-import"
          />
        ) : (
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            {stage.kind === 'idle' && stage.error && <Alert type="error" showIcon message="文件未导入" description={stage.error} data-testid="import-error" closable />}
            {stage.kind === 'preview' && stage.workbook.templateFor !== undefined && stage.workbook.templateFor !== data.meeting.id && (
              <Alert type="warning" showIcon message="这份导入模板是为另一次会议生成的，请确认意见确实属于本次会议。" />
            )}
            {picker}
          </Space>
        )}
      </Card>
      {stage.kind === 'preview' && plan && choices && (
        <ImportPreview
          data={data}
          workbook={stage.workbook}
          layout={stage.layout}
          plan={plan}
          choices={choices}
          onChoices={setChoices}
          onConfirm={() => void confirm()}
          onCancel={() => setStage({ kind: 'idle' })}
        />
      )}
    </Space>
  );
}

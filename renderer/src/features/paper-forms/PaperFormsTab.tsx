import { ImportDone } from '../../ui/ImportDone';
import { ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { DEFAULT_MIN_CONFIDENCE } from '#shared/ocr/plan';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { navigate } from '../../lib/use-route';
import { useMeeting } from '../../meeting/meeting-context';
import { PAPER_FORM_ACCEPT, PAPER_FORM_KINDS } from './accepted-files';
import { PaperFormPreview } from './PaperFormPreview';
import { previewRows, rowsToImport, type PreviewMeeting, type RowEdit } from '#shared/ocr/preview-rows';
import { useRecognition } from './use-recognition';
import './paper-forms.css';

type After = { kind: 'writing'; percent: number } | { kind: 'done'; added: number; skipped: number; ids: string[]; files: string; undone?: boolean };

/**
 * The 导入 tab's paper side: scans or photos of returned 征求意见表 read offline in a worker (progress shown, the
 * page stays usable), previewed opinion by opinion beside the picture of its cell — doubtful
 * characters highlighted, text corrected in place, target, category and channel matched and
 * changeable, rows ticked — and written only on confirmation, in one transaction, each opinion
 * remembering its file, page and cell. 撤销本次导入 takes the batch back.
 */
export function PaperFormsTab() {
  const data = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const { batch, setBatch, start, cancel } = useRecognition();
  const [edits, setEdits] = useState<ReadonlyMap<string, RowEdit>>(new Map());
  const [category, setCategory] = useState<string>();
  const [after, setAfter] = useState<After>();

  const meeting: PreviewMeeting = useMemo(() => {
    const members = data.members.map((m) => ({ id: m.id, name: m.name, position: m.position }));
    return {
      members,
      ruleSet: data.meeting.ruleSet,
      dimensions: data.meeting.dimensions,
      context: { ruleSet: data.meeting.ruleSet, dimensions: data.meeting.dimensions, memberIds: new Set(members.map((m) => m.id)) },
      existing: data.opinions,
    };
  }, [data.meeting, data.members, data.opinions]);

  const pages = useMemo(() => (batch.kind === 'read' ? batch.pages : []), [batch]);
  const rows = useMemo(() => previewRows(pages.map((p) => p.page), edits, meeting, { category, minConfidence: DEFAULT_MIN_CONFIDENCE }), [pages, edits, meeting, category]);

  const choose = (files: File[]) => {
    setEdits(new Map());
    setCategory(undefined);
    setAfter(undefined);
    void start(files);
  };

  const edit = (key: string, change: RowEdit) =>
    setEdits((old) => {
      const next = new Map(old);
      // A corrected text counts as checked: the row is ticked unless staff untick it.
      next.set(key, { ...old.get(key), ...change, ...(change.text !== undefined ? { ticked: true } : {}) });
      return next;
    });

  const setProvider = (pageKey: string, provider: string) => {
    if (batch.kind !== 'read') return;
    setBatch({ ...batch, pages: batch.pages.map((p) => (p.page.key === pageKey ? { ...p, page: { ...p.page, provider } } : p)) });
  };

  const confirm = async () => {
    const toWrite = rowsToImport(rows);
    if (toWrite.length === 0) return;
    const files = [...new Set(toWrite.map((r) => r.file!))];
    setAfter({ kind: 'writing', percent: 0 });
    const outcome = await run(() =>
      repos.commitImport(data.meeting.id, files[0]!, toWrite, { actor, onProgress: (done, total) => setAfter({ kind: 'writing', percent: Math.round((done / total) * 100) }) }),
    );
    if (!outcome) {
      setAfter(undefined);
      return;
    }
    setAfter({ kind: 'done', added: outcome.added, skipped: outcome.skipped, ids: outcome.ids, files: files.map((f) => `“${f}”`).join('、') });
    cancel();
  };

  const picker = (
    <Upload.Dragger
      multiple
      // The picker offers only these; a file dropped on the zone is never silently dropped ('native'
      // leaves the filter to the picker): the reader refuses it by its bytes, saying what it is.
      accept={{ format: PAPER_FORM_ACCEPT, filter: 'native' }}
      showUploadList={false}
      disabled={batch.kind === 'reading' || after?.kind === 'writing'}
      beforeUpload={(file, list) => {
        // Called once per chosen file: the batch starts with the first, holding them all.
        if (file === list[0]) choose(list);
        return Upload.LIST_IGNORE;
      }}
      data-testid="ocr-drop"
    >
      {batch.kind === 'read' && batch.pages.length > 0 ? (
        <span>
          <ScanOutlined style={{ marginRight: 6 }} />
          换一批：点击选择或拖入其他扫描件
        </span>
      ) : (
        <>
          <p className="ant-upload-drag-icon">
            <ScanOutlined />
          </p>
          <p className="ant-upload-text">点击选择或拖入填好的征求意见表（可一次选多个文件）</p>
          <p className="ant-upload-hint">支持 {PAPER_FORM_KINDS}；图片每个文件一页，PDF 逐页识别。在本机离线识别，不上传任何内容；识别后逐条预览核对，确认后才写入。</p>
        </>
      )}
    </Upload.Dragger>
  );

  const failedAll = batch.kind === 'read' && batch.pages.length === 0;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="paper-forms">
      <Card size="small" title="识别纸质征求意见表">
        {after?.kind === 'writing' ? (
          <div style={{ padding: 24 }}>
            <Typography.Text>正在导入识别出的意见…</Typography.Text>
            <Progress percent={after.percent} status="active" />
          </div>
        ) : after?.kind === 'done' ? (
          <ImportDone
            added={after.added}
            skipped={after.skipped}
            from={after.files}
            undone={after.undone === true}
            canUndo={after.ids.length > 0}
            againLabel="继续识别"
            onMatrix={() => navigate(`/meetings/${data.meeting.id}/readiness`)}
            onAgain={() => setAfter(undefined)}
            onUndo={() => {
              const done = after;
              void run(() => repos.deleteOpinions(done.ids, actor)).then((n) => n !== undefined && setAfter({ ...done, undone: true }));
            }}
            testId="ocr-done"
            undoTestId="undo-ocr-import"
          />
        ) : batch.kind === 'reading' ? (
          <div style={{ padding: 24 }} data-testid="ocr-progress">
            <Typography.Text>
              正在识别第 {batch.index + 1}/{batch.count} 个文件“{batch.fileName}”：{batch.stage}
              {batch.stage === '识别文字' && batch.total > 0 ? ` ${batch.done}/${batch.total} 行` : '…'}
            </Typography.Text>
            <Progress percent={batch.percent} status="active" />
            <Button onClick={cancel}>取消识别</Button>
          </div>
        ) : (
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            {failedAll && (
              <Alert
                type="error"
                showIcon
                message="没有识别出任何内容，未导入"
                data-testid="ocr-error"
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {batch.refused.map((r) => (
                      <li key={r.fileName}>
                        “{r.fileName}”：{r.error}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            {picker}
          </Space>
        )}
      </Card>
      {batch.kind === 'read' && batch.pages.length > 0 && after === undefined && (
        <PaperFormPreview
          data={data}
          pages={batch.pages}
          refused={batch.refused}
          rows={rows}
          minConfidence={DEFAULT_MIN_CONFIDENCE}
          category={category}
          onCategory={setCategory}
          onEdit={edit}
          onProvider={setProvider}
          onConfirm={() => void confirm()}
          onCancel={cancel}
        />
      )}
    </Space>
  );
}

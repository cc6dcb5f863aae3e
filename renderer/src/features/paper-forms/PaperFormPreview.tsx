import { Alert, Card, Image, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { ImportConfirm } from '../../ui/ImportConfirm';
import type { MeetingData } from '../../meeting/use-meeting-data';
import { DoubtfulText, OcrText } from './OcrText';
import type { PreviewRow, RowEdit } from '#shared/ocr/preview-rows';
import { proposedProvider } from '#shared/ocr/plan';
import type { ReadPage, Refusal } from './use-recognition';
import { RowChoices, type ChoiceOptions } from './RowChoices';

interface Props {
  data: MeetingData;
  pages: ReadPage[];
  refused: Refusal[];
  rows: PreviewRow[];
  minConfidence: number;
  category: string | undefined;
  onCategory: (category: string | undefined) => void;
  onEdit: (key: string, edit: RowEdit) => void;
  onProvider: (pageKey: string, provider: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

const where = (r: PreviewRow) => `${r.page.fileName} · 第 ${r.page.pageNumber} 页 · 第 ${r.opinion.row + 1} 行`;

/** What reading the paper forms found, before anything is written: every opinion beside the picture of its cell, to check, correct and tick. */
export function PaperFormPreview({ data, pages, refused, rows, minConfidence, category, onCategory, onEdit, onProvider, onConfirm, onCancel }: Props) {
  const ticked = rows.filter((r) => r.ticked);
  const doubtful = rows.filter((r) => r.doubtful.length > 0);
  const blocked = rows.filter((r) => !r.importable);
  const noForm = pages.filter((p) => !p.tableFound || p.page.reading.opinions.length === 0);
  const { ruleSet } = data.meeting;
  const needsCategory = rows.some((r) => r.fieldProblems.category !== undefined) || category !== undefined;
  const byPage = new Map(pages.map((p) => [p.page.key, p]));
  const asOptions = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
  const choiceOptions: ChoiceOptions = {
    targets: data.targets.map((t) => ({ value: t.id, label: t.label })),
    categories: asOptions(ruleSet.categories),
    channels: asOptions(ruleSet.channels),
  };

  return (
    <Card
      size="small"
      title={`识别预览：${pages.length} 页`}
      extra={
        <ImportConfirm count={ticked.length} onConfirm={onConfirm} onCancel={onCancel} testId="ocr-confirm" />
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <div data-testid="ocr-counts" style={{ fontSize: 15 }}>
          共 {rows.length} 条：
          <Tag color="green" style={{ fontSize: 14, marginInline: 4 }}>
            已勾选 {ticked.length} 条
          </Tag>
          <Tag color={doubtful.length > 0 ? 'orange' : 'default'} style={{ fontSize: 14, marginInline: 4 }}>
            有待核对的字 {doubtful.length} 条
          </Tag>
          <Tag color={blocked.length > 0 ? 'red' : 'default'} style={{ fontSize: 14, marginInline: 4 }}>
            不能导入 {blocked.length} 条
          </Tag>
        </div>
        <Typography.Text type="secondary">
          标成<mark className="ocr-doubtful">橙色</mark>的字识别把握不大（置信度低于 {Math.round(minConfidence * 100)}%），请对照左边的原件核对；点击文字即可修改，修改或核对后勾选该条。有待核对的字、无实质内容或疑似小标题的条目默认不勾选。
        </Typography.Text>
        {refused.length > 0 && (
          <Alert
            type="error"
            showIcon
            message="以下文件未能识别，未导入任何内容"
            data-testid="ocr-refused"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {refused.map((r) => (
                  <li key={r.fileName}>
                    “{r.fileName}”：{r.error}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {noForm.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={noForm.map((p) => `“${pageName(p)}”${p.tableFound ? '的表格中没有找到意见建议' : '中没有找到意见表的表格（需要有表格线的征求意见表）'}`).join('；')}
          />
        )}
        {pages.map((p) => (
          <PageHeader key={p.page.key} page={p} minConfidence={minConfidence} onProvider={(v) => onProvider(p.page.key, v)} />
        ))}
        {needsCategory && (
          <Space wrap>
            <span>表上没有写意见来源的意见，来源统一按</span>
            <Select
              aria-label="统一的意见来源"
              allowClear
              placeholder="请选择"
              style={{ width: 140 }}
              value={category}
              onChange={(v: string | undefined) => onCategory(v)}
              options={ruleSet.categories.map((c) => ({ value: c, label: c }))}
            />
          </Space>
        )}
        <Table<PreviewRow>
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={false}
          className="ocr-rows"
          data-testid="ocr-rows"
          rowClassName={(r) => (r.ticked ? '' : 'ocr-row-out')}
          rowSelection={{
            selectedRowKeys: ticked.map((r) => r.key),
            getCheckboxProps: (r) => ({ disabled: !r.importable, 'aria-label': `导入“${r.text.slice(0, 12)}”` }),
            onSelect: (r, selected) => onEdit(r.key, { ticked: selected }),
            onSelectAll: (selected, _rows, changed) => changed.forEach((r) => onEdit(r.key, { ticked: selected })),
          }}
          columns={[
            {
              title: '原件（点击放大）',
              width: 460,
              render: (_, r) => {
                const src = byPage.get(r.page.key)?.pictures.get(`${r.opinion.row}:${r.opinion.column}`);
                return (
                  <>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {where(r)} · {r.opinion.label}
                    </Typography.Text>
                    {src && <Image className="ocr-cell-picture" src={src} alt={`原件：${where(r)}`} width="100%" preview={{ cover: '放大查看' }} />}
                  </>
                );
              },
            },
            {
              title: '识别结果（点击修改）',
              render: (_, r) => (
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <OcrText text={r.text} doubtful={r.doubtful} edited={r.edited} label={`意见内容：${where(r)}`} onChange={(text) => onEdit(r.key, { text })} />
                  <Space size={4} wrap>
                    {r.doubtful.length > 0 && <Tag color="orange">{r.doubtful.length} 个字待核对</Tag>}
                    {r.edited && <Tag color="green">已修改</Tag>}
                    {r.noOpinion && <Tag>无实质内容，不计入条数</Tag>}
                    {r.opinion.likelyHeading && <Tag color="gold">疑似小标题</Tag>}
                    {r.problems.map((p) => (
                      <Typography.Text key={p} type="danger" style={{ fontSize: 13 }}>
                        {p}
                      </Typography.Text>
                    ))}
                  </Space>
                </Space>
              ),
            },
            {
              title: '意见对象 · 来源 · 方式',
              width: 230,
              render: (_, r) => (
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <RowChoices row={r} where={where(r)} options={choiceOptions} onEdit={(edit) => onEdit(r.key, edit)} />
                  {r.dimension && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      所属方面：{r.dimension}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

/** A page's name: the file, and the page when the file is a PDF (a picture is one page). */
const pageName = (p: ReadPage) => (/\.pdf$/i.test(p.page.fileName) ? `${p.page.fileName} 第${p.page.pageNumber}页` : p.page.fileName);

/** One page: its size, what was done to it, and the form's 单位（盖章） as the opinions' 提出单位 (editable). */
function PageHeader({ page, minConfidence, onProvider }: { page: ReadPage; minConfidence: number; onProvider: (provider: string) => void }) {
  const { reading } = page.page;
  const unit = proposedProvider(reading, minConfidence);
  return (
    <Space wrap size={[16, 4]} data-testid="ocr-page">
      <Typography.Text strong>{pageName(page)}</Typography.Text>
      <Typography.Text type="secondary">
        {page.width}×{page.height}，校正倾斜 {page.angle}°{page.sealRemoved ? '，已去除红色印章' : ''}，识别用时 {(page.milliseconds / 1000).toFixed(1)} 秒
      </Typography.Text>
      {reading.unit && (
        <span>
          单位（盖章）：<DoubtfulText text={unit.text} doubtful={unit.doubtful} />
        </span>
      )}
      {reading.category && <span>意见来源：{reading.category.text}</span>}
      <Space size={4}>
        <span>提出单位</span>
        <Input
          aria-label={`提出单位：${pageName(page)}`}
          size="small"
          style={{ width: 200 }}
          value={page.page.provider}
          placeholder="不填则不记录"
          // Read from a doubtful 单位（盖章）: marked until staff have looked at it.
          status={!unit.clear && page.page.provider === unit.text ? 'warning' : undefined}
          title={unit.doubtful.length > 0 ? '单位名称中有识别把握不大的字，请核对' : undefined}
          onChange={(e) => onProvider(e.target.value)}
        />
      </Space>
    </Space>
  );
}

import { Card, Checkbox, Col, Collapse, Empty, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { MATERIAL_COPY_LABELS, materialCopyText } from '#shared/materials/copies';
import { materialWarningLine } from '#shared/supervision/pre-meeting-review';
import type { MaterialReview } from '#shared/materials/review';
import { SEND_BACK_KINDS } from '#shared/materials/review';

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Quotes shown under a warning before 「等 N 处」. */
const MAX_QUOTES = 3;


/**
 * Each target's 对照检查材料 review: submitted or not, the shares, every warning with its quotes,
 * and copied paragraphs side by side with their source. With `onTick`, each warning can be ticked.
 */
export function MaterialReviewList({
  reviews,
  ticked,
  onTick,
  actions,
}: {
  reviews: readonly MaterialReview[];
  ticked?: ReadonlySet<string>;
  onTick?: (line: string, on: boolean) => void;
  /** Buttons per target (import, paste …) on the 会前准备 tab. */
  actions?: (r: MaterialReview) => ReactNode;
}) {
  return (
    <Collapse
      size="small"
      data-testid="material-reviews"
      items={reviews.map((r) => {
        const back = r.warnings.some((w) => SEND_BACK_KINDS.has(w.kind));
        return {
          key: r.targetId,
          label: (
            <Space wrap>
              <Typography.Text strong>{r.label}</Typography.Text>
              {!r.material ? <Tag>未提交</Tag> : r.warnings.length === 0 ? <Tag color="success">未发现问题</Tag> : <Tag color={back ? 'error' : 'warning'}>{`警示 ${r.warnings.length} 处`}</Tag>}
              {r.material && <Typography.Text type="secondary">{r.material.origin.kind === 'docx' ? r.material.origin.file : '粘贴'}</Typography.Text>}
            </Space>
          ),
          extra: actions?.(r),
          children: <ReviewBody review={r} ticked={ticked} onTick={onTick} />,
        };
      })}
    />
  );
}

function ReviewBody({ review: r, ticked, onTick }: { review: MaterialReview; ticked?: ReadonlySet<string>; onTick?: (line: string, on: boolean) => void }) {
  if (!r.material || !r.report) return <Empty description="尚未提交对照检查材料" />;
  const rep = r.report;
  const taken = rep.answers.filter((a) => a.taken).length;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid={`material-review-${r.label}`}>
      <Typography.Text>
        《{r.material.title || '（无标题）'}》：{rep.answers.length === 0 ? '尚无意见和查摆问题可供比对' : `意见和查摆问题${rep.answers.length}条，材料中体现${taken}条`}；查摆问题和剖析原因约占{pct(rep.problemShare)}，讲成绩约占{pct(rep.achievementShare)}。
      </Typography.Text>
      {r.warnings
        .filter((w) => w.kind !== 'copy')
        .map((w) => {
          const line = materialWarningLine(r.label, w.message);
          const head = onTick ? (
            <Checkbox checked={ticked?.has(line)} onChange={(e) => onTick(line, e.target.checked)}>
              {w.message}
            </Checkbox>
          ) : (
            <Typography.Text type={SEND_BACK_KINDS.has(w.kind) ? 'danger' : 'warning'}>{w.message}</Typography.Text>
          );
          const quotes = w.kind === 'dimension-missing' ? [] : w.quotes;
          return (
            <div key={w.kind}>
              {head}
              {quotes.slice(0, MAX_QUOTES).map((q, i) => (
                <Typography.Paragraph key={i} type="secondary" style={{ margin: '2px 0 0 24px' }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
                  “{q}”
                </Typography.Paragraph>
              ))}
              {quotes.length > MAX_QUOTES && <Typography.Text type="secondary" style={{ marginLeft: 24 }}>{`等${quotes.length}处`}</Typography.Text>}
            </div>
          );
        })}
      {r.copies.map((c, i) => {
        const line = materialWarningLine(r.label, materialCopyText(c));
        return (
          <Card key={i} size="small" data-testid="material-copy" title={onTick ? <Checkbox checked={ticked?.has(line)} onChange={(e) => onTick(line, e.target.checked)}>{`${MATERIAL_COPY_LABELS[c.kind]}（${c.similarity >= 1 ? '相同' : `相似度 ${pct(c.similarity)}`}）`}</Checkbox> : <Typography.Text type="danger">{`${MATERIAL_COPY_LABELS[c.kind]}（${c.similarity >= 1 ? '相同' : `相似度 ${pct(c.similarity)}`}）`}</Typography.Text>}>
            <Row gutter={12}>
              <Col span={12}>
                <Typography.Text strong>本材料</Typography.Text>
                <Typography.Paragraph style={{ marginTop: 4 }}>{c.a.text}</Typography.Paragraph>
              </Col>
              <Col span={12}>
                <Typography.Text strong>{c.b.label}</Typography.Text>
                <Typography.Paragraph style={{ marginTop: 4 }}>{c.b.text}</Typography.Paragraph>
              </Col>
            </Row>
          </Card>
        );
      })}
    </Space>
  );
}

import { Checkbox, List, Space, Tag, Typography } from 'antd';
import { WARNING_KIND_LABELS, type MeetingWarning, type WarningLabels } from '#shared/supervision/warnings';

const KIND_COLORS: Record<MeetingWarning['kind'], string | undefined> = {
  'cross-unit': 'red',
  'cross-target': 'orange',
  'same-target': 'gold',
  'praise-only': undefined,
  'too-short': undefined,
};

/** One warning: for a copy, the two texts side by side with who they were given to. */
export function WarningItem({ warning, labels }: { warning: MeetingWarning; labels: WarningLabels }) {
  const { a, b } = warning;
  const who = (r: NonNullable<MeetingWarning['b']>, otherUnit: boolean) =>
    `${otherUnit ? `${labels.unit(r.unitId)} · ` : ''}${labels.target(r.meetingId, r.targetId)} · ${r.category}`;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Space size={6} wrap>
        <Tag color={KIND_COLORS[warning.kind]} style={{ marginInlineEnd: 0 }}>
          {WARNING_KIND_LABELS[warning.kind]}
        </Tag>
        {warning.similarity !== undefined && (
          <Typography.Text type="secondary">{warning.similarity >= 1 ? '文字相同' : `相似度 ${Math.round(warning.similarity * 100)}%`}</Typography.Text>
        )}
      </Space>
      {b ? (
        <table className="side-by-side" data-testid="side-by-side">
          <tbody>
            <tr>
              <td>
                <div className="side-label">{who(a, false)}</div>
                {a.content}
              </td>
              <td>
                <div className="side-label">{who(b, warning.kind === 'cross-unit')}</div>
                {b.content}
              </td>
            </tr>
          </tbody>
        </table>
      ) : (
        <Typography.Text>
          <Typography.Text type="secondary">{who(a, false)}：</Typography.Text>
          {a.content}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The warnings of a meeting; with `ticked`, each can be ticked into the verdict's reasons. */
export function WarningList({
  warnings,
  labels,
  ticked,
  onTick,
}: {
  warnings: MeetingWarning[];
  labels: WarningLabels;
  ticked?: ReadonlySet<string>;
  onTick?: (message: string, on: boolean) => void;
}) {
  return (
    <List
      size="small"
      dataSource={warnings}
      locale={{ emptyText: '没有发现雷同、抄袭或敷衍的意见' }}
      pagination={warnings.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      data-testid="warning-list"
      renderItem={(w) => (
        <List.Item>
          <Space align="start" style={{ width: '100%' }}>
            {ticked && onTick && <Checkbox checked={ticked.has(w.message)} onChange={(e) => onTick(w.message, e.target.checked)} aria-label={`勾选：${w.message}`} />}
            <WarningItem warning={w} labels={labels} />
          </Space>
        </List.Item>
      )}
    />
  );
}

import { Space, Tag, Tooltip } from 'antd';
import { STATUS_LABELS, type OverviewRow } from '#shared/supervision/overview';
import { STATUS_COLORS } from './status-colors';

/** The status tag of a row: 未就绪（待补 3 项）, and 审核后数据已变更 when the verdict is stale. */
export function StatusTag({ row }: { row: Pick<OverviewRow, 'status' | 'stale' | 'shortfallCount'> }) {
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[row.status]} style={{ marginInlineEnd: 0 }} data-testid="status-tag">
        {STATUS_LABELS[row.status]}
        {row.status === 'not-ready' && `（待补 ${row.shortfallCount} 项）`}
      </Tag>
      {row.stale && (
        <Tooltip title="审核之后该会议的意见、名单、谈心谈话、对照检查材料或会前准备又有变化，原审核结论需要复核">
          <Tag color="gold" data-testid="stale-tag" style={{ marginInlineEnd: 0 }}>
            审核后数据已变更
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Readiness, ReadinessCell, TargetReadiness } from '#shared/checks/readiness';
import { navigate } from '../../lib/use-route';
import { useMeeting } from '../../meeting/meeting-context';
import { OpinionText } from '../../ui/OpinionText';

/** How many of the messages show before 展开全部: a new meeting has dozens, all of the same kind. */
const COLLAPSED_COUNT = 12;

/** The readiness matrix: targets × required categories, each cell have/need, a click opens its opinions. */
export function ReadinessTab() {
  const data = useMeeting();
  const { meeting, readiness, opinions, flags } = data;
  const [cell, setCell] = useState<{ target: TargetReadiness; category: string }>();
  const [expanded, setExpanded] = useState(false);
  const cellOpinions = cell ? opinions.filter((o) => o.targetId === cell.target.targetId && o.category === cell.category) : [];

  const columns = [
    {
      title: '意见对象',
      dataIndex: 'label',
      width: 220,
      fixed: 'left' as const,
      render: (label: string, t: TargetReadiness) => (
        <Space size={4}>
          <Typography.Text strong={t.isGroup}>{label}</Typography.Text>
          {t.zero && <Tag color="red">零意见</Tag>}
        </Space>
      ),
    },
    ...meeting.ruleSet.categories.map((category, ci) => ({
      title: category,
      key: category,
      width: 110,
      align: 'center' as const,
      render: (_: unknown, t: TargetReadiness) => {
        const c = t.cells[ci] as ReadinessCell;
        return (
          <div
            className={`matrix-cell ${c.status === 'ok' ? 'cell-ok' : 'cell-short'}`}
            data-testid={`cell-${t.targetId}-${category}`}
            title={`${t.label} · ${category}：计入 ${c.count} 条（收集 ${c.raw} 条），至少需 ${c.min} 条。点击查看`}
            onClick={() => setCell({ target: t, category })}
          >
            {c.count}/{c.min}
          </div>
        );
      },
    })),
    {
      title: '合计',
      key: 'total',
      width: 110,
      align: 'center' as const,
      // 合计 is the sum of the columns shown; opinions in categories no longer required are apart.
      render: (_: unknown, t: TargetReadiness) => {
        const raw = t.cells.reduce((sum, c) => sum + c.raw, 0);
        return (
          <span title={`计入 ${t.required} 条，收集 ${raw} 条`} data-testid={`total-${t.targetId}`}>
            {t.required}
            {raw !== t.required && <Typography.Text type="secondary">（{raw}）</Typography.Text>}
          </span>
        );
      },
    },
    ...(readiness.otherCategories.length > 0
      ? [
          {
            title: '不在要求类别中',
            key: 'other',
            width: 120,
            align: 'center' as const,
            render: (_: unknown, t: TargetReadiness) => (
              <Typography.Text type="secondary" data-testid={`other-${t.targetId}`}>
                {t.other}
              </Typography.Text>
            ),
          },
        ]
      : []),
  ];
  const links = entryLinks(meeting.id, readiness);

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {readiness.ready ? (
        <Alert type="success" showIcon data-testid="verdict" message="可以召开" description="所有对象的各类来源意见均已达到最低条数，且没有零意见对象。" />
      ) : (
        <Alert
          type="error"
          showIcon
          data-testid="verdict"
          message={`不得召开：还有 ${readiness.messages.length} 项未达要求`}
          description={
            <>
              <ul style={{ margin: 0, paddingLeft: 20, columns: readiness.messages.length > 6 ? 2 : 1, columnGap: 32 }} data-testid="shortfalls">
                {(expanded ? readiness.messages : readiness.messages.slice(0, COLLAPSED_COUNT)).map((m) => (
                  <li key={m}>
                    {/* The sentence itself opens 录入意见 on its cell (补录); its text stays the message. */}
                    {links.has(m) ? (
                      <a href={links.get(m)} title="补录这一项的意见" data-testid="shortfall-link" style={{ color: 'inherit' }}>
                        {m}
                        <EditOutlined style={{ marginLeft: 4, color: '#1f4e8c' }} aria-label="补录" />
                      </a>
                    ) : (
                      m
                    )}
                  </li>
                ))}
              </ul>
              {readiness.messages.length > COLLAPSED_COUNT && (
                <Button type="link" size="small" style={{ paddingLeft: 0 }} onClick={() => setExpanded((e) => !e)}>
                  {expanded ? '收起' : `展开全部 ${readiness.messages.length} 项`}
                </Button>
              )}
            </>
          }
        />
      )}
      <Card
        size="small"
        title={`意见征求情况（每类至少 ${meeting.ruleSet.minPerCategory} 条${meeting.ruleSet.excludeNonSubstantive ? '，无实质内容和重复的意见不计数' : ''}）`}
        extra={
          <Button type="primary" onClick={() => navigate(`/meetings/${meeting.id}/entry`)}>
            录入意见
          </Button>
        }
      >
        {readiness.targets.length === 0 ? (
          <Empty description="还没有意见对象：请先在“班子成员”中添加成员" />
        ) : (
          <Table
            rowKey="targetId"
            size="middle"
            bordered
            pagination={false}
            dataSource={readiness.targets}
            columns={columns}
            rowClassName={(t) => (t.zero ? 'row-zero' : '')}
            scroll={{ x: 'max-content' }}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          格中为“计入条数/最低条数”；绿色为已达标，红色为不足。合计为各列之和，括号内为收集的原始条数（含无实质内容和重复）。
        </Typography.Paragraph>
        {readiness.otherCategories.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="other-categories"
            message={`“${readiness.otherCategories.join('”“')}”已不在本次会议的意见来源类别中：这些意见保留，单列于“不在要求类别中”，不计入合计和就绪判断；在会议设置中重新加入该类别即恢复计入。`}
          />
        )}
      </Card>
      <Drawer
        open={cell !== undefined}
        onClose={() => setCell(undefined)}
        width={640}
        title={cell ? `${cell.target.label} · ${cell.category}` : ''}
        extra={
          cell && (
            <Button
              type="primary"
              onClick={() => navigate(`/meetings/${meeting.id}/entry?target=${encodeURIComponent(cell.target.targetId)}&category=${encodeURIComponent(cell.category)}`)}
            >
              补录意见
            </Button>
          )
        }
      >
        <List
          dataSource={cellOpinions}
          locale={{ emptyText: '这一格还没有意见' }}
          renderItem={(o, i) => (
            <List.Item>
              <List.Item.Meta
                title={<Typography.Text type="secondary">{`${i + 1}. ${o.channel}${o.dimension ? ` · ${o.dimension}` : ''}`}</Typography.Text>}
                description={<OpinionText content={o.content} flags={flags.get(o.id)} />}
              />
            </List.Item>
          )}
        />
      </Drawer>
    </Space>
  );
}

/** The entry page's address for each message that names a cell (a shortfall) or a target (零意见): its 补录 link. */
function entryLinks(meetingId: string, readiness: Readiness): Map<string, string> {
  const links = new Map<string, string>();
  const at = (target: string, category?: string) =>
    `#/meetings/${meetingId}/entry?target=${encodeURIComponent(target)}${category ? `&category=${encodeURIComponent(category)}` : ''}`;
  for (const s of readiness.shortfalls) links.set(s.message, at(s.targetId, s.category));
  for (const z of readiness.zeroTargets) links.set(z.message, at(z.targetId));
  return links;
}

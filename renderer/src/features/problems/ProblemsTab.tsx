import { Alert, Button, Card, Col, Popconfirm, Radio, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { deadlineLabel } from '#shared/documents/problem-docs';
import { problemSourcesOf, type ProblemItem } from '#shared/model/problems';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { useMeeting } from '../../meeting/meeting-context';
import { useProblemData } from '../../meeting/use-problem-data';
import { CoverageList } from '../../ui/CoverageList';
import { EMPTY_PROBLEM, ProblemFormModal, type ProblemFields } from './ProblemFormModal';

/** 查摆问题: the 两张清单 — each target's problem items with the 五个明确 checked, coverage of the opinions, and whether the lists may be published. */
export function ProblemsTab() {
  const data = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const pdata = useProblemData(data);
  const { meeting } = data;
  const [chosen, setChosen] = useState<string>();
  const [editing, setEditing] = useState<{ id?: string; fields: ProblemFields }>();
  // The meeting may carry its own 问题来源 list (problemSources); the county's six otherwise.
  const sources = useMemo(() => problemSourcesOf(meeting), [meeting]);
  if (!pdata) return <Spin />;
  const { pd } = pdata;
  const targetId = pd.targets.some((t) => t.id === chosen) ? chosen! : pd.targets[0]?.id;
  if (!targetId) return <Alert type="info" showIcon message="尚未录入班子成员名单。" />;
  const list = pd.lists.find((l) => l.target.id === targetId)!;
  const labels = new Map(pd.targets.map((t) => [t.id, t.label]));
  const opinions = pdata.consolidated.map((c) => ({ id: c.id, text: c.text, ...(c.targetId === targetId ? {} : { other: labels.get(c.targetId) ?? '' }) }));

  const save = (fields: ProblemFields) =>
    run(async () => {
      await repos.saveProblem(meeting.id, { ...fields, targetId }, actor, editing?.id);
      return true;
    }, editing?.id ? '查摆问题已修改' : '查摆问题已添加').then((ok) => ok === true);

  const columns: ColumnsType<ProblemItem> = [
    { title: '序号', key: 'n', width: 56, align: 'center', fixed: 'left', render: (_v, p) => pd.numbers.get(p.id) },
    { title: '所属方面', dataIndex: 'dimension', width: 150 },
    { title: '问题表现', dataIndex: 'description', width: 260 },
    { title: '问题来源', dataIndex: 'sources', width: 110, render: (s: string[]) => s.join('、') },
    { title: '整改措施', dataIndex: 'measures', width: 200 },
    { title: '整改目标/标准', dataIndex: 'standard', width: 140 },
    { title: '责任领导', dataIndex: 'leader', width: 80 },
    { title: '责任部门/责任人', dataIndex: 'responsible', width: 110 },
    { title: '完成时限', key: 'deadline', width: 110, render: (_v, p) => deadlineLabel(p) },
    { title: '回应意见', key: 'links', width: 80, align: 'center', render: (_v, p) => (p.consolidatedIds.length > 0 ? `${p.consolidatedIds.length}条` : '—') },
    {
      title: '五个明确',
      key: 'five',
      width: 120,
      fixed: 'right',
      render: (_v, p) => {
        const gap = pd.incomplete.get(p.id);
        return gap ? (
          <Tag color="red" data-testid="incomplete-tag" style={{ whiteSpace: 'normal' }}>
            不全：缺{gap.missing.join('、')}
          </Tag>
        ) : (
          <Tag color="green">齐全</Tag>
        );
      },
    },
    { title: '公示', dataIndex: 'published', width: 70, align: 'center', fixed: 'right', render: (v: boolean) => (v ? <Tag color="blue">公示</Tag> : <Tag>不公示</Tag>) },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_v, p) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ id: p.id, fields: fieldsOf(p) })}>
            编辑
          </Button>
          <Popconfirm title="删除这项查摆问题？（可在变更记录中查到）" okText="删除" cancelText="取消" onConfirm={() => void run(() => repos.setProblemsDeleted(meeting.id, [p.id], true, actor), '已删除')}>
            <Button type="link" size="small" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={12}>
        <Col span={12}>
          <Card size="small" title="公示条件" style={{ height: '100%' }}>
            {pd.publication.ready ? (
              <Alert type="success" showIcon data-testid="publication" message="两张清单可以公示" description={`公示的问题均已做到“五个明确”${meeting.ruleSet.requireFullCoverage ? '，意见已全部回应' : ''}。`} />
            ) : (
              <Alert
                type="warning"
                showIcon
                data-testid="publication"
                message="两张清单暂不能公示"
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {pd.publication.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {pd.lists.some((l) => l.items.length === 0) && (
              <Typography.Paragraph type="warning" style={{ margin: '8px 0 0' }} data-testid="no-items">
                尚未列出查摆问题：{pd.lists.filter((l) => l.items.length === 0).map((l) => l.target.label).join('、')}
              </Typography.Paragraph>
            )}
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              五个明确：问题内容、责任主体（责任领导或责任部门/责任人）、整改标准、整改措施、办结时限（日期或长期坚持）。
              {meeting.ruleSet.requireFullCoverage ? '本次会议要求意见全部回应后方可公示。' : '可在“会议设置”中要求意见全部回应后方可公示。'}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title="意见回应情况（无“只征不用”）" style={{ height: '100%' }}>
            <CoverageList coverage={pd.coverage} />
          </Card>
        </Col>
      </Row>
      <Radio.Group
        aria-label="清单对象"
        optionType="button"
        value={targetId}
        onChange={(e) => setChosen(e.target.value as string)}
        options={pd.lists.map((l) => ({ value: l.target.id, label: `${l.target.label}（${l.items.length}）` }))}
      />
      <Card
        size="small"
        title={list.target.isGroup ? '班子问题清单' : `个人问题清单 · ${list.target.label}`}
        extra={
          <Button type="primary" onClick={() => setEditing({ fields: { ...EMPTY_PROBLEM, leader: list.target.isGroup ? '' : list.target.name } })}>
            新增查摆问题
          </Button>
        }
      >
        <Table<ProblemItem> rowKey="id" size="small" pagination={false} dataSource={list.items} columns={columns} scroll={{ x: 1560 }} data-testid="problem-table" locale={{ emptyText: '尚无查摆问题' }} />
      </Card>
      <ProblemFormModal
        open={editing !== undefined}
        title={`${editing?.id ? '编辑' : '新增'}查摆问题 · ${list.target.label}`}
        initial={editing?.fields ?? EMPTY_PROBLEM}
        dimensions={meeting.dimensions}
        sources={sources}
        opinions={opinions}
        onClose={() => setEditing(undefined)}
        onSave={save}
      />
    </Space>
  );
}

function fieldsOf(p: ProblemItem): ProblemFields {
  const { id: _id, meetingId: _m, targetId: _t, order: _o, createdAt: _c, updatedAt: _u, deletedAt: _d, carriedFrom: _f, ...fields } = p;
  return fields;
}

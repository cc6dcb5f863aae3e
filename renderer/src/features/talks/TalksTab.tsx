import { Alert, Button, Card, Col, List, Popconfirm, Row, Space, Spin, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { partyLabel, talkCoverageSentence } from '#shared/talks/coverage';
import type { Talk } from '#shared/model/talks';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { useMeeting } from '../../meeting/meeting-context';
import { usePreMeeting } from '../../meeting/use-pre-meeting';
import { TalkMatrixTable } from '../../ui/TalkMatrixTable';
import { TalkForm } from './TalkForm';
import { TalkRulesCard, WaiveButton } from './TalkRulesCard';

/** 谈心谈话: record talks, see the coverage the rules require (done, missing, waived), and the talks so far. */
export function TalksTab() {
  const { meeting, members, targetLabels } = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const review = usePreMeeting();
  const talks = useLiveQuery(() => repos.listTalks(meeting.id), [repos, meeting.id]);
  if (!review || !talks) return <Spin />;
  const { coverage, matrix } = review;
  return (
    <Row gutter={12}>
      <Col span={15}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small" title="记录谈心谈话">
            <TalkForm />
          </Card>
          <Card size="small" title={<span data-testid="talk-coverage">{talkCoverageSentence(coverage)}</span>}>
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              {coverage.missing.length > 0 && (
                <List
                  size="small"
                  data-testid="talk-missing"
                  dataSource={coverage.missing}
                  renderItem={(p) => (
                    <List.Item actions={[<WaiveButton key="waive" pair={p.key} label={p.label} />]}>
                      <Typography.Text type="danger">{coverage.messages[coverage.missing.indexOf(p)]}</Typography.Text>
                    </List.Item>
                  )}
                />
              )}
              {coverage.messages.slice(coverage.missing.length).map((m) => (
                <Alert key={m} type="warning" showIcon message={m} />
              ))}
              {matrix.members.length > 0 && <TalkMatrixTable matrix={matrix} />}
            </Space>
          </Card>
        </Space>
      </Col>
      <Col span={9}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <TalkRulesCard coverage={coverage} />
          <Card size="small" title={`谈话记录（${talks.length} 次）`}>
            <Table<Talk>
              size="small"
              rowKey="id"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={talks}
              data-testid="talk-list"
              locale={{ emptyText: '还没有谈话记录。在左侧“记录谈心谈话”中选定谈话双方和日期、填写要点后记录；尚缺的谈话列在左侧下方。' }}
              columns={[
                { title: '日期', dataIndex: 'date', width: 100 },
                { title: '谈话双方', key: 'who', render: (_v, t) => `${partyLabel(t.a, members)} — ${partyLabel(t.b, members)}` },
                {
                  title: '',
                  key: 'ops',
                  width: 60,
                  render: (_v, t) => (
                    <Popconfirm title="删除这次谈话记录？（可在变更记录中查到）" okText="删除" cancelText="取消" onConfirm={() => void run(() => repos.setTalksDeleted(meeting.id, [t.id], true, actor), '已删除谈话记录')}>
                      <Button size="small" type="link" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
              expandable={{
                rowExpandable: (t) => t.note !== '' || t.opinionIds.length > 0,
                expandedRowRender: (t) => (
                  <Space direction="vertical" size={2}>
                    {t.note && <Typography.Text>谈话要点：{t.note}</Typography.Text>}
                    {t.opinionIds.length > 0 && <Typography.Text type="secondary">提出意见 {t.opinionIds.length} 条</Typography.Text>}
                  </Space>
                ),
              }}
            />
            {targetLabels.size === 1 && <Typography.Text type="secondary">请先在“班子成员”中录入班子成员。</Typography.Text>}
          </Card>
        </Space>
      </Col>
    </Row>
  );
}

import { Card, List, Tag, Typography } from 'antd';
import { useMeeting } from '../../meeting/meeting-context';
import { OpinionText } from '../../ui/OpinionText';
import type { EntryForm } from './use-entry-form';

/** Beside the form: how far the selected target is, per source, and what was added in this session (undoable). */
export function EntrySidebar({ form }: { form: EntryForm }) {
  const data = useMeeting();
  const { selection, recent } = form;
  const target = data.readiness.targets.find((t) => t.targetId === selection.targetId);
  return (
    <>
      <Card size="small" title={`${target?.label ?? ''} 完成情况`} data-testid="target-progress">
        {target && (
          <List
            size="small"
            dataSource={target.cells}
            renderItem={(c) => (
              <List.Item
                style={{ cursor: 'pointer', fontWeight: c.category === selection.category ? 600 : undefined }}
                onClick={() => selection.setCategory(c.category)}
                extra={
                  <Tag color={c.status === 'ok' ? 'success' : 'error'} data-testid={`progress-${c.category}`}>
                    {c.count}/{c.min}
                  </Tag>
                }
              >
                {c.category}
              </List.Item>
            )}
          />
        )}
        {target?.zero && (
          <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }}>
            该对象目前为零意见
          </Typography.Text>
        )}
      </Card>
      <Card
        size="small"
        title="本次录入"
        style={{ marginTop: 12 }}
        extra={
          recent.lastPaste && (
            <a data-testid="undo-paste" onClick={() => void recent.undoPaste()}>
              撤销本次粘贴（{recent.lastPaste.length} 条）
            </a>
          )
        }
      >
        <List
          size="small"
          dataSource={recent.list}
          locale={{ emptyText: '添加的意见会显示在这里，可随时撤销' }}
          renderItem={(o) => (
            <List.Item
              actions={[
                <a key="undo" onClick={() => void recent.undoOne(o.id)}>
                  撤销
                </a>,
              ]}
            >
              <div style={{ fontSize: 13 }}>
                <Typography.Text type="secondary">
                  {data.targetLabels.get(o.targetId)} · {o.category}：
                </Typography.Text>
                <OpinionText content={o.content} flags={data.flags.get(o.id)} />
              </div>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

import { Tag, Tooltip } from 'antd';
import { flagLabels, type OpinionFlags } from '#shared/checks/opinion-flags';

const FLAG_HELP: Record<string, { color: string; help: string }> = {
  无实质内容: { color: 'default', help: '“无”“暂无”“同意”之类，不计入条数' },
  重复: { color: 'orange', help: '与同一对象、同一来源的另一条意见相同，只计一次' },
  仅表扬: { color: 'gold', help: '只有肯定和表扬，没有具体意见建议：计入条数，但督导时会提示' },
  过短: { color: 'gold', help: '内容过短，难以说明具体问题：计入条数，但督导时会提示' },
};

/** An opinion's text with its check flags as tags. */
export function OpinionText({ content, flags }: { content: string; flags: OpinionFlags | undefined }) {
  const labels = flags ? flagLabels(flags) : [];
  return (
    <span className="opinion-content">
      {content}
      {labels.map((l) => (
        <Tooltip key={l} title={FLAG_HELP[l]?.help}>
          <Tag color={FLAG_HELP[l]?.color} style={{ marginLeft: 6 }}>
            {l}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}

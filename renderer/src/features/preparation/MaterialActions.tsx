import { Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { structurePastedText } from '#shared/materials/structure';
import type { MaterialReview } from '#shared/materials/review';
import { useWorkbench } from '../../app/workbench-context';
import { desktop } from '../../desktop';
import { unwrap } from '../../lib/desktop-result';
import { useAction } from '../../lib/use-action';
import { UserError } from '../../lib/user-error';
import { useMeeting } from '../../meeting/meeting-context';
import { readMaterialInWorker } from './read-material';

/** A material file larger than this is refused before it is read. */
const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

/** 导入 Word… and 粘贴… for one target's 对照检查材料; a new material replaces the target's current one. */
export function MaterialActions({ review }: { review: MaterialReview }) {
  const { meeting } = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const [busy, setBusy] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState('');
  const replaces = review.material ? '（将替换当前材料）' : '';

  const importDocx = () =>
    run(async () => {
      const { files } = unwrap(await desktop().openFile({ filters: [{ name: 'Word 文档', extensions: ['docx'] }], maxBytes: MAX_MATERIAL_BYTES }));
      const file = files[0];
      if (!file) return '已取消导入';
      setBusy(true);
      try {
        const read = await readMaterialInWorker(file.data, file.name);
        if (!read.ok) throw new UserError(`“${file.name}”：${read.error}`);
        await repos.saveMaterial(meeting.id, { targetId: review.targetId, origin: { kind: 'docx', file: file.name }, title: read.doc.title, blocks: read.doc.blocks }, actor);
        return `已导入${review.label}的对照检查材料“${file.name}”`;
      } finally {
        setBusy(false);
      }
    }, (m) => m);

  const savePasted = async () => {
    const doc = structurePastedText(text);
    const ok = await run(() => repos.saveMaterial(meeting.id, { targetId: review.targetId, origin: { kind: 'pasted' }, title: doc.title, blocks: doc.blocks }, actor), `已保存${review.label}的对照检查材料`);
    if (ok) {
      setPasting(false);
      setText('');
    }
  };

  return (
    // The collapse header toggles on click: keep the buttons' clicks to themselves.
    <Space size={4} onClick={(e) => e.stopPropagation()}>
      <Button size="small" loading={busy} onClick={() => void importDocx()} aria-label={`导入${review.label}的对照检查材料`}>
        导入 Word…
      </Button>
      <Button size="small" onClick={() => setPasting(true)} aria-label={`粘贴${review.label}的对照检查材料`}>
        粘贴…
      </Button>
      {review.material && (
        <Button size="small" type="link" danger onClick={() => void run(() => repos.setMaterialDeleted(meeting.id, review.material!.id, true, actor), '已删除材料（可在变更记录中查到）')}>
          删除
        </Button>
      )}
      <Modal title={`粘贴${review.label}的对照检查材料${replaces}`} open={pasting} width={760} okText="保存" cancelText="取消" okButtonProps={{ disabled: text.trim() === '' }} onOk={() => void savePasted()} onCancel={() => setPasting(false)} destroyOnHidden>
        <Input.TextArea aria-label="材料全文" placeholder="从 Word 复制全文粘贴到这里：第一行为标题，“一、”“（一）”开头的行为小标题" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 12, maxRows: 24 }} />
      </Modal>
    </Space>
  );
}

import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { LedgerRow } from '#shared/ledger/view';
import { today } from '#shared/util/clock';
import { useWorkbench } from '../../app/workbench-context';
import { describeError } from '../../lib/errors';
import { DateInput } from '../../lib/DateInput';

interface Values {
  evidence: string;
  evidenceLocation: string;
  date: string;
  approver: string;
}

/**
 * 销号: the evidence (佐证材料: what it is, where it is kept), the date and who approved it. The form
 * does not check the fields itself: the shared status machine does, and its Chinese refusal stays
 * in the dialog until the user fixes it.
 */
export function ClosureModal({ row, onClose }: { row: LedgerRow; onClose: () => void }) {
  const { repos, actor } = useWorkbench();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await repos.changeLedgerStatus(row.entry.id, { to: 'closed', closure: form.getFieldsValue() }, actor);
      onClose();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`销号：${row.entry.accountNumber}`} okText="确认销号" cancelText="取消" onOk={() => void submit()} confirmLoading={busy} onCancel={onClose} width={600} destroyOnHidden>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
        {row.targetLabel}：{row.problem.description}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ evidence: '', evidenceLocation: '', date: today(), approver: '' }}>
        <Form.Item name="evidence" label="佐证材料（是什么）">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} placeholder="如：调研报告4篇、制度文件、会议纪要" />
        </Form.Item>
        <Form.Item name="evidenceLocation" label="佐证材料存放位置">
          <Input maxLength={500} placeholder="如：办公室档案柜 2026-07 号盒" />
        </Form.Item>
        <Form.Item name="date" label="销号日期">
          <DateInput style={{ width: 200 }} ariaLabel="销号日期" />
        </Form.Item>
        <Form.Item name="approver" label="审核人">
          <Input maxLength={200} placeholder="审核同意销号的人" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="closure-error" />}
    </Modal>
  );
}

/** 退回整改: a 销号 application sent back, with the reason (required by the status machine). */
export function ReturnModal({ row, onClose }: { row: LedgerRow; onClose: () => void }) {
  const { repos, actor } = useWorkbench();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const submit = async () => {
    try {
      await repos.changeLedgerStatus(row.entry.id, { to: 'in-progress', reason }, actor);
      onClose();
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <Modal open title={`退回整改：${row.entry.accountNumber}`} okText="退回" cancelText="取消" onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Input.TextArea aria-label="退回理由" autoSize={{ minRows: 3 }} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="退回的理由，如：佐证材料不足以证明整改到位" />
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon message={error} data-testid="return-error" />}
    </Modal>
  );
}

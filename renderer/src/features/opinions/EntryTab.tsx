import { Col, Row } from 'antd';
import { useMeeting } from '../../meeting/meeting-context';
import { EntryForm } from './EntryForm';
import { EntrySidebar } from './EntrySidebar';
import { PastePreviewModal } from './PastePreviewModal';
import { useEntryForm } from './use-entry-form';

/**
 * Opinion entry built for speed: target, category and channel stay selected between entries;
 * one opinion per Enter, or a pasted block split into many with a preview; Alt shortcuts to switch.
 * The state and actions live in useEntryForm; this only lays the parts out.
 */
export function EntryTab() {
  const data = useMeeting();
  const form = useEntryForm();
  const { targetId, category, channel } = form.selection;
  return (
    <Row gutter={12}>
      <Col span={16}>
        <EntryForm form={form} />
      </Col>
      <Col span={8}>
        <EntrySidebar form={form} />
      </Col>
      <PastePreviewModal plan={form.preview.plan} data={data} destination={{ targetId, category, channel }} onCancel={form.preview.close} onConfirm={form.preview.confirm} />
    </Row>
  );
}

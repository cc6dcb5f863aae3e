import { Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { undatedSentence } from '#shared/ledger/carry-over';
import { dimensionSetForYear, dimensionSetNote } from '#shared/model/dimensions';
import { today } from '#shared/util/clock';
import type { Meeting } from '#shared/model/types';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { validFields } from '../../lib/valid-fields';
import { DateInput } from '../../lib/DateInput';

interface Values {
  year: number;
  title: string;
  theme: string;
  plannedDate: string;
  dimensionSet: string;
  copyRosterFrom?: string;
  /** 回头看: carry last year's open 整改 items into the new meeting. */
  carryOver?: boolean;
}

interface Props {
  open: boolean;
  unitId: string;
  /** The unit's earlier meetings, whose roster can be copied. */
  previous: Meeting[];
  onClose: (created?: Meeting) => void;
}

export function CreateMeetingModal({ open, unitId, previous, onClose }: Props) {
  const { repos, actor, settings } = useWorkbench();
  const run = useAction();
  const [form] = Form.useForm<Values>();
  const year = Form.useWatch('year', form);
  const chosenSet = Form.useWatch('dimensionSet', form);
  // 回头看: what the unit's latest earlier meeting leaves open for the year being created.
  const offer = useLiveQuery(() => (open && year ? repos.carryOverOffer({ unitId, year }) : Promise.resolve(undefined)), [repos, open, unitId, year]);
  const carryCount = offer?.candidates.length ?? 0;

  // The starting values once per opening: a later change of the unit's meetings (a live query) or of
  // the settings must not reset what the person has typed (the year and the set it picked).
  const start = useRef({ previous, sets: settings.dimensionSets });
  useEffect(() => {
    start.current = { previous, sets: settings.dimensionSets };
  });
  useEffect(() => {
    if (!open) return;
    const y = Number(today().slice(0, 4));
    form.setFieldsValue({
      year: y,
      title: `${y}年度民主生活会`,
      theme: '',
      plannedDate: '',
      dimensionSet: dimensionSetForYear(start.current.sets, y)?.label,
      copyRosterFrom: start.current.previous[0]?.id,
      carryOver: true,
    });
  }, [open, form]);

  // A new year: its own 对照检查方面 if set up, else the latest earlier year's (dimensionSetForYear).
  useEffect(() => {
    if (!open || !year) return;
    form.setFieldValue('dimensionSet', dimensionSetForYear(settings.dimensionSets, year)?.label);
    form.setFieldValue('title', `${year}年度民主生活会`);
  }, [year, open, form, settings.dimensionSets]);

  return (
    <Modal
      open={open}
      title="新建民主生活会"
      okText="创建"
      width={560}
      // Fits a 1366×768 screen: the body scrolls, the 创建 button stays in view.
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflowY: 'auto', overflowX: 'hidden', paddingRight: 4 } }}
      onCancel={() => onClose()}
      destroyOnHidden
      onOk={async () => {
        const v = await validFields(form);
        if (!v) return;
        const set = settings.dimensionSets.find((s) => s.label === v.dimensionSet);
        const meeting = await run(
          () =>
            repos.createMeeting(
              unitId,
              {
                year: v.year,
                title: v.title,
                theme: v.theme,
                plannedDate: v.plannedDate,
                ruleSet: structuredClone(settings.defaultRuleSet),
                dimensionSet: set?.label ?? '',
                dimensions: set ? [...set.dimensions] : [],
              },
              actor,
              v.copyRosterFrom,
            ),
          '会议已创建',
        );
        if (meeting && v.carryOver && carryCount > 0) {
          await run(
            () => repos.carryOverLedger(meeting.id, actor),
            (r) => (r.skipped.length > 0 ? `回头看：已结转 ${r.carried.length} 项；${r.skipped.join('；')}` : `回头看：已结转上年度未销号事项 ${r.carried.length} 项`) + undatedSentence(r.undated),
          );
        }
        if (meeting) onClose(meeting);
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={1990} max={2200} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="plannedDate" label="计划召开日期">
            <DateInput style={{ width: 200 }} />
          </Form.Item>
        </div>
        <Form.Item name="title" label="会议名称" rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="theme" label="会议主题">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="dimensionSet" label="对照检查方面" extra={year ? <span data-testid="dimension-set-note">{dimensionSetNote(settings.dimensionSets, year, chosenSet)}</span> : undefined}>
          <Select options={settings.dimensionSets.map((s) => ({ value: s.label, label: `${s.label}（${s.dimensions.length} 个方面）` }))} allowClear placeholder="不设对照检查方面" />
        </Form.Item>
        {previous.length > 0 && (
          <Form.Item name="copyRosterFrom" label="班子成员名单" extra="可从本单位以往的会议复制成员名单，创建后仍可修改。">
            <Select allowClear placeholder="不复制，稍后逐个添加" options={previous.map((m) => ({ value: m.id, label: `复制自：${m.title}` }))} />
          </Form.Item>
        )}
        {carryCount > 0 && (
          <Form.Item name="carryOver" valuePropName="checked" extra="结转的问题在新会议中重新挂号，保留与上年度账号的关联；按姓名对应班子成员，请同时复制成员名单。">
            <Checkbox>
              <span data-testid="carry-over-offer">回头看：结转上年度未销号的整改事项（{offer!.from.title}，{carryCount} 项{offer!.candidates.some((c) => c.entry.status === 'ongoing') ? '，含长期坚持' : ''}）</span>
            </Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

// The meeting's preparation records the pre-meeting checklist reads besides opinions and talks:
// when the 方案 was submitted, the 学习研讨 sessions held, and each target's 对照检查材料 as read from
// its .docx or pasted text (the structured text is kept, not the file). Zod 4, Chinese messages.
import { z } from 'zod';
import { zDate, zDateOrEmpty, zId, zStamps, zTarget, zText } from './zod-fields';

export const studySessionSchema = z.strictObject(
  { date: zDate('学习研讨日期'), topic: zText('学习研讨主题', 200, true) },
  { error: '学习研讨应为对象' },
);

export const meetingPreparationSchema = z.strictObject(
  {
    id: zId('编号'),
    meetingId: zId('会议编号'),
    /** 方案报送: the day the meeting's plan went to the superior, or empty. */
    planSubmittedOn: zDateOrEmpty('方案报送日期'),
    /** 学习研讨 (中心组) sessions before the meeting. */
    studySessions: z.array(studySessionSchema, { error: '学习研讨应为列表' }).max(200, { error: '学习研讨记录过多' }),
    ...zStamps,
  },
  { error: '会前准备记录应为对象' },
);
export type MeetingPreparation = z.infer<typeof meetingPreparationSchema>;

export const materialBlockSchema = z.strictObject(
  {
    kind: z.enum(['title', 'heading', 'paragraph'], { error: '段落类型应为 标题 / 小标题 / 正文 之一' }),
    level: z.number({ error: '标题级别应为数字' }).int().min(0).max(4, { error: '标题级别应为 0 到 4' }),
    text: zText('段落', 20_000, true),
    source: z.number({ error: '段落序号应为数字' }).int().min(0),
  },
  { error: '段落应为对象' },
);

export const materialSchema = z.strictObject(
  {
    id: zId('编号'),
    meetingId: zId('会议编号'),
    /** The group (班子对照检查材料) or a member (个人对照检查材料). */
    targetId: zTarget(),
    /** Where the text came from: an imported file's name, or pasted. */
    origin: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('docx'), file: zText('文件名', 255, true) }), z.strictObject({ kind: z.literal('pasted') })], {
      error: '材料来源应为 Word 文件或粘贴',
    }),
    title: zText('材料标题', 200),
    blocks: z.array(materialBlockSchema, { error: '材料内容应为列表' }).min(1, { error: '材料没有内容' }).max(20_000, { error: '材料段落过多' }),
    ...zStamps,
  },
  { error: '对照检查材料应为对象' },
);
export type MaterialRecord = z.infer<typeof materialSchema>;

/**
 * A meeting's 会前准备 record: the live one saved last. Two machines may each create one for the
 * same meeting; after a merge both exist, and the one written later is what the meeting shows.
 */
export function currentPreparation(preparations: readonly MeetingPreparation[], meetingId: string): MeetingPreparation | undefined {
  let current: MeetingPreparation | undefined;
  for (const p of preparations) {
    if (p.deletedAt || p.meetingId !== meetingId) continue;
    if (!current || p.updatedAt > current.updatedAt || (p.updatedAt === current.updatedAt && p.id > current.id)) current = p;
  }
  return current;
}

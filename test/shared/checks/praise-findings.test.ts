// What the command line's `check` lists as praise: only the opinions that are praise, never the
// criticism, the 无 or the deleted ones beside them (from the mutation report of shared/checks).
import { describe, expect, it } from 'vitest';
import { praiseFindings } from '#shared/checks/praise';
import { defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET } from '#shared/model/types';

const at = (s: number) => `2025-01-01T00:00:${String(s).padStart(2, '0')}.000Z`;

describe('praise findings', () => {
  it('lists only the praise among criticism, no-opinion phrases and deleted praise, in entry order', () => {
    const opinions = [
      { id: 'criticism', targetId: GROUP_TARGET, category: '上级领导', content: '下基层调研偏少，解决实际问题的办法不多', createdAt: at(1) },
      { id: 'praise', targetId: 'm1', category: '基层群众', content: '希望继续保持', createdAt: at(2) },
      { id: 'nothing', targetId: GROUP_TARGET, category: '上级领导', content: '无', createdAt: at(3) },
      { id: 'closed', targetId: 'm1', category: '服务对象', content: '工作认真负责，成绩突出，无意见。', createdAt: at(4) },
      { id: 'deleted', targetId: 'm1', category: '服务对象', content: '工作很好', createdAt: at(5), deletedAt: at(6) },
    ];
    expect(praiseFindings(opinions, defaultRuleSet())).toEqual([
      { id: 'praise', targetId: 'm1', category: '基层群众', content: '希望继续保持', kind: 'praise' },
      { id: 'closed', targetId: 'm1', category: '服务对象', content: '工作认真负责，成绩突出，无意见。', kind: 'praise-no-opinion' },
    ]);
  });

  it('finds nothing in a meeting without praise', () => {
    const opinions = [{ id: 'a', targetId: GROUP_TARGET, category: '上级领导', content: '理论学习不够深入', createdAt: at(1) }];
    expect(praiseFindings(opinions, defaultRuleSet())).toEqual([]);
  });
});

import type { OpinionOrigin } from '#shared/model/types';

/** Where an opinion came from, in Chinese: `录入`, `粘贴`, `导入：意见表.xlsx 第 12 行`. */
export function originLabel(origin: OpinionOrigin): string {
  switch (origin.kind) {
    case 'typed':
      return '录入';
    case 'pasted':
      return '粘贴';
    case 'imported':
      return `导入：${origin.file}${origin.sheet ? `（${origin.sheet}）` : ''} 第 ${origin.row} 行`;
    case 'package':
      return `数据包：${origin.file}`;
  }
}

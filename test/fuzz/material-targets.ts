// The 对照检查材料 reader as a fuzz target: a .docx staff import is untrusted bytes like a spreadsheet.
import { readDocxParagraphs } from '#shared/materials/docx-text';
import { materialBytes } from '../support/materials';
import type { FuzzTarget } from './targets';

/** Every refusal of readDocxParagraphs (and of the zip guard it goes through) starts like one of these. */
const KNOWN_MATERIAL_ERROR = /^(文件超过|是旧版 Word 文件|不是 Word 文档|不完整|已损坏|过大或格式不受支持|内部包含|已加密|解压后超过|使用了不支持的压缩方式|是 Excel 表格|段落超过|文档中没有文字|缺少 )/;

export const MATERIAL_FUZZ_TARGETS: FuzzTarget[] = [
  {
    name: 'Word 对照检查材料 (readDocxParagraphs)',
    fixtures: async () => [materialBytes('2025-交通运输局-李红-对照检查材料.docx'), materialBytes('2025-交通运输局-赵强-对照检查材料.docx')],
    read: async (bytes) => {
      const result = readDocxParagraphs(bytes);
      return result.ok ? undefined : result.error;
    },
    knownError: KNOWN_MATERIAL_ERROR,
    magic: new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    runs: 300,
  },
];

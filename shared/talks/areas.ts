// 分管工作 as written on a roster — 「分管办公室、财务股、交通运输执法大队」, 「负责党建工作；分管人事股和
// 审批服务科，联系城关镇」 — read into the departments a member is in charge of. A department is a
// piece that ends like the name of an office (股、科、室、大队、中心 …); fields of work (党建、安全生产)
// have no head to talk to and are returned apart. 联系 (liaison with a township) is not 分管.

const LEADS = /^(?:主持|全面负责|负责|分管|协管|协助分管|主管|兼管|牵头)/;
const DEPARTMENT_END = /(?:办公室|股|科|室|处|大队|中队|支队|队|中心|站|所|院|馆|局|办|委员会|委|部|组|事务所|服务中心|分局)$/;
const AREA_END = /(?:等)?(?:方面)?(?:的)?(?:工作|事务|事项)$/;

export interface ChargeAreas {
  /** Departments with a head, in the order written, without repeats: `['办公室', '财务股']`. */
  departments: string[];
  /** Fields of work that are not departments: `['党建']`. */
  fields: string[];
}

/** Reads 分管工作 text into departments and fields of work. `parseCharge('分管办公室、财务股').departments` is `['办公室', '财务股']`. */
export function parseCharge(text: string): ChargeAreas {
  const departments: string[] = [];
  const fields: string[] = [];
  const clauses = text.normalize('NFKC').split(/[；;。\n]|[，,](?=\s*(?:主持|负责|分管|协管|联系|主管|兼管|牵头))/);
  for (const rawClause of clauses) {
    const clause = rawClause.trim();
    // 联系 a township or a firm is liaison, not charge: no department head follows from it.
    if (clause === '' || /^联系/.test(clause)) continue;
    const body = clause.replace(LEADS, '');
    for (const rawPiece of body.split(/[、，,/\s]+/)) {
      for (const piece of splitConjunction(rawPiece.replace(LEADS, '').replace(AREA_END, '').trim())) {
        if (piece === '') continue;
        const list = DEPARTMENT_END.test(piece) ? departments : fields;
        if (!list.includes(piece)) list.push(piece);
      }
    }
  }
  return { departments, fields };
}

/** `人事股和审批服务科` → both, only when each side is itself a department (`安全和应急` stays one field). */
function splitConjunction(piece: string): string[] {
  const parts = piece.split(/[和及与]/);
  if (parts.length > 1 && parts.every((p) => DEPARTMENT_END.test(p.trim()))) return parts.map((p) => p.trim());
  return [piece];
}

/** A 书记 (not 副书记) by position: `党组书记、局长`, `党委书记`. */
export function isSecretaryPosition(position: string): boolean {
  return /(?<!副)书记/.test(position);
}

// The repositories bound to the open database: what features get from useWorkbench(). Features
// never hold the Dexie database (lint forbids importing it outside db/); they call these, and
// these are the only way in. Add a repository function here when a feature needs it.
import { createBackupOffThread } from '../backup-engine/off-thread';
import { listAudits, recordAudit } from './repos/audits-repo';
import { prepareRestore, restoreAll } from './repos/backup-repo';
import { listMeetingChanges } from './repos/change-log';
import { getCopyFindings, lastCopyScan, loadAllWarnings, loadCopyScanInput, saveCopyFindings } from './repos/copy-findings-repo';
import { commitImport } from './repos/import-repo';
import { getOpinionImage } from './repos/opinion-images-repo';
import { createMeeting, deleteMeeting, getLiveMeeting, listDeletedMeetings, listMeetings, restoreMeeting, updateMeeting } from './repos/meetings-repo';
import { addMember, addMembers, deleteMember, listMembers, memberCounts, membersOfMeetings, moveMember, reorderMembers, updateMember } from './repos/members-repo';
import { moveOpinionsAndRemoveMember } from './repos/member-removal-repo';
import { applyMerge, previewMerge } from './repos/merge-repo';
import { addOpinions, deleteOpinions, listDeletedOpinions, listOpinions, restoreOpinions, updateOpinion } from './repos/opinions-repo';
import { exportContent, openIntoEmpty, unitCounts } from './repos/package-repo';
import { listProblems, saveProblem, setProblemsDeleted } from './repos/problems-repo';
import { addToConsolidated, consolidateOpinions, dissolveConsolidatedOpinion, listConsolidated, mergeConsolidatedOpinions, rewordConsolidatedOpinion, setConsolidatedAnswer, splitConsolidatedOpinion, unlinkRawOpinion } from './repos/consolidation-repo';
import { addLedgerProgress, carryOverLedger, carryOverOffer, changeLedgerStatus, ledgerDocsInput, ledgerHistory, listLedger, previousMeeting, previousProblems, registerProblems } from './repos/ledger-repo';
import { saveSetting } from './repos/settings-repo';
import { listMaterials, saveMaterial, saveMaterialRules, setMaterialDeleted } from './repos/materials-repo';
import { loadPreMeeting, loadPreMeetingFingerprint } from './repos/pre-meeting-repo';
import { getPreparation, savePreparation } from './repos/preparation-repo';
import { listTalks, saveTalk, saveTalkRules, setTalksDeleted } from './repos/talks-repo';
import { listSummaries } from './repos/summaries-repo';
import { createUnit, deleteUnit, getUnit, listUnits, meetingCounts, moveUnit, updateUnit } from './repos/units-repo';
import type { WorkbenchDb } from './database';

/** Every repository function a feature may call, with the database already given. */
export function repositories(db: WorkbenchDb) {
  const bind =
    <A extends unknown[], R>(f: (db: WorkbenchDb, ...args: A) => R) =>
    (...args: A): R =>
      f(db, ...args);
  return {
    /** The open database's schema version (a backup from a newer one is refused). */
    schemaVersion: db.verno,
    addLedgerProgress: bind(addLedgerProgress),
    addMember: bind(addMember),
    addMembers: bind(addMembers),
    addOpinions: bind(addOpinions),
    addToConsolidated: bind(addToConsolidated),
    applyMerge: bind(applyMerge),
    carryOverLedger: bind(carryOverLedger),
    carryOverOffer: bind(carryOverOffer),
    changeLedgerStatus: bind(changeLedgerStatus),
    commitImport: bind(commitImport),
    consolidateOpinions: bind(consolidateOpinions),
    createBackupOffThread: bind(createBackupOffThread),
    createMeeting: bind(createMeeting),
    createUnit: bind(createUnit),
    deleteMeeting: bind(deleteMeeting),
    deleteMember: bind(deleteMember),
    deleteOpinions: bind(deleteOpinions),
    deleteUnit: bind(deleteUnit),
    dissolveConsolidatedOpinion: bind(dissolveConsolidatedOpinion),
    exportContent: bind(exportContent),
    getCopyFindings: bind(getCopyFindings),
    getLiveMeeting: bind(getLiveMeeting),
    getOpinionImage: bind(getOpinionImage),
    getPreparation: bind(getPreparation),
    getUnit: bind(getUnit),
    lastCopyScan: bind(lastCopyScan),
    listAudits: bind(listAudits),
    listConsolidated: bind(listConsolidated),
    listDeletedMeetings: bind(listDeletedMeetings),
    listDeletedOpinions: bind(listDeletedOpinions),
    ledgerDocsInput: bind(ledgerDocsInput),
    ledgerHistory: bind(ledgerHistory),
    listLedger: bind(listLedger),
    listMeetingChanges: bind(listMeetingChanges),
    listMeetings: bind(listMeetings),
    listMaterials: bind(listMaterials),
    listMembers: bind(listMembers),
    listOpinions: bind(listOpinions),
    listProblems: bind(listProblems),
    listSummaries: bind(listSummaries),
    listTalks: bind(listTalks),
    listUnits: bind(listUnits),
    loadAllWarnings: bind(loadAllWarnings),
    loadCopyScanInput: bind(loadCopyScanInput),
    loadPreMeeting: bind(loadPreMeeting),
    loadPreMeetingFingerprint: bind(loadPreMeetingFingerprint),
    meetingCounts: bind(meetingCounts),
    memberCounts: bind(memberCounts),
    membersOfMeetings: bind(membersOfMeetings),
    mergeConsolidatedOpinions: bind(mergeConsolidatedOpinions),
    moveMember: bind(moveMember),
    moveOpinionsAndRemoveMember: bind(moveOpinionsAndRemoveMember),
    moveUnit: bind(moveUnit),
    openIntoEmpty: bind(openIntoEmpty),
    prepareRestore: bind(prepareRestore),
    previewMerge: bind(previewMerge),
    previousMeeting: bind(previousMeeting),
    previousProblems: bind(previousProblems),
    recordAudit: bind(recordAudit),
    registerProblems: bind(registerProblems),
    reorderMembers: bind(reorderMembers),
    restoreAll: bind(restoreAll),
    restoreMeeting: bind(restoreMeeting),
    restoreOpinions: bind(restoreOpinions),
    rewordConsolidatedOpinion: bind(rewordConsolidatedOpinion),
    saveCopyFindings: bind(saveCopyFindings),
    saveMaterial: bind(saveMaterial),
    saveMaterialRules: bind(saveMaterialRules),
    savePreparation: bind(savePreparation),
    saveProblem: bind(saveProblem),
    saveSetting: bind(saveSetting),
    saveTalk: bind(saveTalk),
    saveTalkRules: bind(saveTalkRules),
    setConsolidatedAnswer: bind(setConsolidatedAnswer),
    setMaterialDeleted: bind(setMaterialDeleted),
    setProblemsDeleted: bind(setProblemsDeleted),
    setTalksDeleted: bind(setTalksDeleted),
    splitConsolidatedOpinion: bind(splitConsolidatedOpinion),
    unlinkRawOpinion: bind(unlinkRawOpinion),
    unitCounts: bind(unitCounts),
    updateMeeting: bind(updateMeeting),
    updateMember: bind(updateMember),
    updateOpinion: bind(updateOpinion),
    updateUnit: bind(updateUnit),
  };
}

export type Repositories = ReturnType<typeof repositories>;

// The state and actions of the entry page: the selection (target, category, channel) kept between
// entries and across reloads, the fields of the next opinion, saving one or many, the paste
// preview, and the Alt shortcuts. EntryTab and its parts only render what this hands out.
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { OpinionDraft } from '#shared/model/drafts';
import { GROUP_TARGET, type Opinion, type OpinionOrigin } from '#shared/model/types';
import { todayDate } from '#shared/util/ids';
import { planPaste, type PasteEntry, type PastePlan } from '#shared/text/paste-plan';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { useMeeting } from '../../meeting/meeting-context';
import { useStoredState } from './use-stored-state';

const cycle = <T>(list: readonly T[], current: T, step: number): T => {
  const i = list.indexOf(current);
  return list[(i + step + list.length) % list.length] ?? current;
};

export function useEntryForm() {
  const data = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const { meeting, targets } = data;
  const { categories, channels } = meeting.ruleSet;

  const query = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  // A link's choice (补录 from the matrix) first, then what was picked before a reload, then the first.
  const pick = (list: readonly string[], ...choices: Array<string | null | undefined>) => choices.find((c) => c != null && list.includes(c)) ?? list[0] ?? '';
  const [targetId, setTargetId] = useStoredState(meeting.id, 'target', (stored) => pick(targets.map((t) => t.id), query.get('target'), stored, GROUP_TARGET));
  const [category, setCategory] = useStoredState(meeting.id, 'category', (stored) => pick(categories, query.get('category'), stored));
  const [channel, setChannel] = useStoredState(meeting.id, 'channel', (stored) => pick(channels, stored));
  const [dimension, setDimension] = useState<string>();
  const [provider, setProvider] = useState('');
  const [receivedDate, setReceivedDate] = useState(todayDate());
  const [text, setText] = useStoredState(meeting.id, 'draft', (stored) => stored ?? '');
  const [preview, setPreview] = useState<PastePlan>();
  const [recent, setRecent] = useState<Opinion[]>([]);
  const [lastPaste, setLastPaste] = useState<string[]>();
  const pasteMeeting = { members: data.members, ruleSet: meeting.ruleSet, dimensions: meeting.dimensions };
  const textRef = useRef<TextAreaRef>(null);

  // A 补录 link's choice is taken once; then the stored selection rules, so a reload keeps what was picked since.
  useEffect(() => {
    if (query.has('target') || query.has('category')) window.history.replaceState(null, '', window.location.hash.split('?')[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on arrival
  }, []);

  // A target removed from the roster, or a category removed from the rules, falls back to the first.
  useEffect(() => {
    if (!targets.some((t) => t.id === targetId)) setTargetId(GROUP_TARGET);
    if (!categories.includes(category)) setCategory(categories[0] ?? '');
    if (!channels.includes(channel)) setChannel(channels[0] ?? '');
  }, [targets, targetId, categories, category, channels, channel, setTargetId, setCategory, setChannel]);

  const focusText = () => textRef.current?.focus();

  const save = useCallback(
    async (entries: readonly PasteEntry[], origin: OpinionOrigin): Promise<boolean> => {
      // A table row's own target, category, channel, provider … win over the form's selection.
      const drafts: OpinionDraft[] = entries.map((e) => ({ targetId, category, channel, provider, dimension: dimension ?? '', receivedDate, ...e.fields, content: e.text }));
      const added = await run(() => repos.addOpinions(meeting.id, drafts, { actor, origin }), (r) => `已添加 ${r.length} 条意见`);
      if (!added) return false;
      setRecent((prev) => [...added.slice().reverse(), ...prev].slice(0, 8));
      setLastPaste(origin.kind === 'pasted' ? added.map((o) => o.id) : undefined);
      setText('');
      setTimeout(focusText, 0);
      return true;
    },
    [repos, meeting.id, actor, run, targetId, category, channel, provider, dimension, receivedDate, setText],
  );

  const submit = () => {
    const plan = planPaste(text, pasteMeeting);
    if (plan.entries.length === 0) return;
    if (plan.entries.length > 1 || plan.kind === 'table' || plan.entries[0]!.skip) setPreview(plan);
    else void save(plan.entries, { kind: 'typed' });
  };

  // Alt+1…9 category, Alt+↑/↓ target, Alt+←/→ channel: anywhere on the entry page.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.isComposing || preview) return;
      const digit = /^Digit([1-9])$/.exec(e.code);
      if (digit) {
        const c = categories[Number(digit[1]) - 1];
        if (c) setCategory(c);
      } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
        setTargetId((t) => cycle(targets.map((x) => x.id), t, e.key === 'ArrowUp' ? -1 : 1));
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        setChannel((c) => cycle(channels, c, e.key === 'ArrowLeft' ? -1 : 1));
      } else {
        return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [categories, channels, targets, preview, setCategory, setTargetId, setChannel]);

  const onTextKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter while an input method is composing Chinese picks a candidate; it must not submit.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape') {
      setText('');
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData('text/plain');
    // A table is read on its own (what was typed stays in the box); a block joins what was typed.
    const table = planPaste(pasted, pasteMeeting);
    const plan = table.kind === 'table' ? table : planPaste(text + pasted, pasteMeeting);
    if (plan.kind === 'table' || plan.entries.length > 1) {
      e.preventDefault();
      setPreview(plan);
    }
  };

  /** Undoes one entry of this session (to the recycle bin). */
  const undoOne = async (id: string) => {
    const n = await run(() => repos.deleteOpinions([id], actor), '已撤销（移入回收站）');
    if (n !== undefined) setRecent((r) => r.filter((x) => x.id !== id));
  };

  /** Undoes the whole last paste (to the recycle bin). */
  const undoPaste = async () => {
    if (!lastPaste) return;
    const n = await run(() => repos.deleteOpinions(lastPaste, actor), (k) => `已撤销本次粘贴的 ${k} 条意见（移入回收站）`);
    if (n === undefined) return;
    setRecent((r) => r.filter((x) => !lastPaste.includes(x.id)));
    setLastPaste(undefined);
  };

  const closePreview = () => {
    setPreview(undefined);
    setTimeout(focusText, 0);
  };

  return {
    selection: { targetId, setTargetId, category, setCategory, channel, setChannel },
    fields: { dimension, setDimension, provider, setProvider, receivedDate, setReceivedDate },
    text: { value: text, set: setText, onKey: onTextKey, onPaste, submit },
    /** The text box (focused again after each entry). */
    textRef,
    preview: { plan: preview, close: closePreview, confirm: (entries: readonly PasteEntry[]) => save(entries, { kind: 'pasted' }) },
    recent: { list: recent, lastPaste, undoOne, undoPaste },
  };
}

export type EntryForm = ReturnType<typeof useEntryForm>;

import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../renderer/src/lib/user-error';
import { describeError, errorDetails } from '../../../renderer/src/lib/errors';
import { quotaExceeded } from '../../support/storage-faults';

const QUOTA = '磁盘空间不足，保存失败，数据未改动。请清理磁盘后重试。';
const dom = (name: string, message = '') => new DOMException(message, name);

describe('describeError', () => {
  it.each([
    ['a QuotaExceededError', quotaExceeded(), QUOTA],
    ["Dexie's QuotaExceededError", new Dexie.QuotaExceededError('quota'), QUOTA],
    ['an AbortError wrapping a quota error (Dexie inner)', new Dexie.AbortError('Transaction aborted', quotaExceeded()), QUOTA],
    ['an abort wrapping an abort wrapping a quota error', new Dexie.AbortError('outer', new Dexie.AbortError('inner', quotaExceeded())), QUOTA],
    ['a standard error with a quota cause', new Error('write failed', { cause: quotaExceeded() }), QUOTA],
    ['a bulk write whose rows failed on quota', new Dexie.BulkError('2 of 5 failed', [quotaExceeded(), quotaExceeded()]), QUOTA],
    ["Chromium's UnknownError naming the quota", dom('UnknownError', 'Quota exceeded while writing'), QUOTA],
    ['a plain AbortError', dom('AbortError'), '保存被中止，数据未改动。'],
    ['a ConstraintError', new Dexie.ConstraintError('Key already exists'), '保存失败：记录编号冲突，数据未改动。'],
    ['an abort wrapping a ConstraintError', new Dexie.AbortError('aborted', dom('ConstraintError')), '保存失败：记录编号冲突，数据未改动。'],
    ['a closed database', new Dexie.DatabaseClosedError('closed'), '数据库已关闭，请重新打开应用。'],
    ['an UnknownError', dom('UnknownError', 'Internal error'), '存储出错，数据未改动。请重启应用后重试。'],
    ['a DataCloneError', dom('DataCloneError'), '保存失败：数据格式无法存储，数据未改动。'],
    ['a refusal wrapped in an abort', new Dexie.AbortError('aborted', new UserError('该会议不存在或已删除')), '该会议不存在或已删除'],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')"), '操作未能完成：程序内部错误，数据未改动。'],
    ['something that is not an error', 'boom', '操作未能完成：程序内部错误，数据未改动。'],
    ['null', null, '操作未能完成：程序内部错误，数据未改动。'],
  ])('explains %s in Chinese', (_label, error, message) => {
    expect(describeError(error)).toBe(message);
  });

  it('never shows a stack trace or English', () => {
    const e = new TypeError('x is undefined');
    expect(describeError(e)).not.toMatch(/undefined|TypeError|at /);
  });

  it('survives an error that wraps itself', () => {
    const e = new Dexie.AbortError('loop') as unknown as { inner: unknown };
    e.inner = e;
    expect(describeError(e)).toBe('保存被中止，数据未改动。');
  });

  it('lists the details of a wrapped refusal', () => {
    expect(errorDetails(new Dexie.AbortError('aborted', new UserError('两处错误', ['第 1 条：内容为空', '第 2 条：来源不存在'])))).toEqual(['第 1 条：内容为空', '第 2 条：来源不存在']);
  });
});

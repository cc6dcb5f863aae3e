// Setup file for every test file: the temporary folders it made go when its tests are done.
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir';

afterAll(removeTempDirs);

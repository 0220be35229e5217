/** Builds the main fixture site once for every integration and browser test file. */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildFixture } from './build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteOut: string;
    siteLog: string;
  }
}

export default function setup(project: TestProject) {
  // One output folder per run, so two test runs on one machine never share files.
  const result = buildFixture(`site-${process.pid}`, 'tests/fixtures/site/content');
  if (result.status !== 0) {
    throw new Error(`fixture site build failed (exit ${result.status}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  }
  project.provide('siteOut', result.outDir);
  project.provide('siteLog', result.stdout + result.stderr);
  return () => rmSync(result.outDir, { recursive: true, force: true });
}

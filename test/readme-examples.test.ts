// The README's examples: the mock-kit example is the very file test/mock/readme-example.test.ts
// runs, and every link stays inside the README. readme-examples.slow.test.ts compiles every example
// (npm run test:slow).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readme, readmeExamples, ROOT } from './support/readme.js';

const blocks = readmeExamples;

describe('the README', () => {
  it('has TypeScript examples', () => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  it('mock-kit example is the file the tests run, line for line', () => {
    const file = readFileSync(`${ROOT}test/mock/readme-example.test.ts`, 'utf8');
    const lines = file.split('\n');
    const body = lines.slice(lines.findIndex((line) => !line.startsWith('//'))).join('\n').trim();
    expect(blocks.map((b) => b.trim())).toContain(body);
  });
});

describe('the README links', () => {
  it('all point at a heading of the README itself, so they work on npm and in an installed package', () => {
    const anchors = new Set(
      [...readme.matchAll(/^#+ (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')),
    );
    const links = [...readme.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((link) => !link.startsWith('#') || !anchors.has(link.slice(1)))).toEqual([]);
  });
});

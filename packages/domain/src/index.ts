export * from './reducer.ts';
export * from './standings.ts';
export * from './shootout.ts';
export * from './transitions.ts';
export * from './discipline.ts';
export * from './ties.ts';
export * from './fixtures.ts';
export * from './kickoffs.ts';

// dm-widgets: the whole set. Importing this module registers every element.
export * from './core/types.js';
export * from './data/adapter.js';

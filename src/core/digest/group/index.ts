/** Story grouping: items from different feeds about the same event become one story. */
export { groupStories } from './group-stories.js';
export { toGroupInput } from './from-feed-item.js';
export { runGroupJsonl } from './cli-group.js';
export { scoreGrouping, type GroupingScore } from './score.js';
export {
  DEFAULT_GROUP_OPTIONS,
  type GroupInput,
  type GroupOptions,
  type GroupResult,
  type StoryGroup,
} from './types.js';

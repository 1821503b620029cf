import { createFakeCore } from '../helpers/fake-core.js';
import { describeSlackAdapter } from './slack.suite.js';

describeSlackAdapter('fake core', createFakeCore);

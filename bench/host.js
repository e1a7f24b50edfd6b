// The host page alone, measured like bench/banner.js.
import { markWhen, finish, longTaskSummary, layoutShifts, settle } from './marker.js';

const { painted } = await markWhen('host', () => document.querySelector('main p') !== null);
await settle(500);
finish({ painted, shift: layoutShifts.reduce((sum, e) => sum + e.value, 0), ...longTaskSummary() });

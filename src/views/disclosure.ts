// The #disclosure view's chunk: registers <trust-center-disclosure> (guarded) when <trust-center> first needs it.
import '../disclosure/define.js';

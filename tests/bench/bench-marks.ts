/**
 * Performance marks around each measured run in the bench page: the driver finds them in a trace, to tell the
 * code V8 compiled during the run from the rest of its work.
 */
export const BEGIN_MARK = 'oncology-bench:begin';
export const END_MARK = 'oncology-bench:end';

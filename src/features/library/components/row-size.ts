/** A Library row's height before it is measured: a title line and a meta line (more on phones). */
export const ROW_ESTIMATE_PX = 76;
/** Rows drawn either side of the view. */
export const ROW_OVERSCAN = 8;

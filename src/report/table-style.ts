// One look for every cli-table3 table: no colours of its own (colour is decided once by the
// caller) and no rule between body rows, so tables stay short in a terminal.
export const TABLE_STYLE = {
  style: { head: [] as string[], border: [] as string[] },
  chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
};

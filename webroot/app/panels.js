// Features add their own panels to a group page here (contributions, chat, meetings), so the
// group page does not need to know them. A panel is async (main, workspace) => Node | null.
export const groupPanels = [];

export function addGroupPanel(render) {
  groupPanels.push(render);
}

// The world café's browser component: replaced by the full component (tables, notes, harvest wall, console).
customElements.define('colearn-activity-world-cafe', class extends HTMLElement {
  set view(view) {
    this.textContent = view?.table ? `Table ${view.table.number}` : 'World café';
  }
});

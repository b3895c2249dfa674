import { api, el } from './dom.js';

/**
 * The playground's form dialog: what a Discord modal or a Slack view is on the chat platforms. It opens
 * the form the server described (every string shown as text), posts the values to /api/modal, shows
 * refused values under their fields and stays open for them, and closes once the server took them.
 * Resolves with the server's answer when sent, or null when the person cancels.
 */
export function openModal(modal, person) {
  return new Promise((resolve) => {
    const errorOf = new Map();
    const controls = new Map();
    const fields = modal.fields.map((f) => {
      const id = `modal-${f.id}`;
      const described = `${id}-error`;
      const common = { id, name: f.id, 'aria-describedby': described, required: !f.optional };
      let control;
      if (f.style === 'select') {
        control = el(
          'select',
          common,
          el('option', { value: '' }, f.placeholder || 'Choose…'),
          f.choices.map((c) => el('option', { value: c.value, selected: c.value === f.value }, c.label)),
        );
      } else if (f.style === 'long') {
        control = el('textarea', { ...common, rows: 4, maxlength: f.maxLength, placeholder: f.placeholder || null });
        control.value = f.value;
      } else {
        control = el('input', { ...common, type: 'text', maxlength: f.maxLength, placeholder: f.placeholder || null });
        control.value = f.value;
      }
      const error = el('p', { class: 'field-error', id: described, hidden: true });
      controls.set(f.id, control);
      errorOf.set(f.id, error);
      return el('div', { class: 'modal-field' }, el('label', { for: id }, f.label, f.optional ? el('span', { class: 'optional' }, ' (optional)') : null), control, error);
    });
    const status = el('p', { class: 'modal-status', role: 'status' });
    const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, modal.submitLabel);
    const cancel = el('button', { type: 'button', class: 'btn btn-secondary', onclick: () => finish(null) }, 'Cancel');
    const form = el(
      'form',
      { method: 'dialog', class: 'modal-form' },
      el('h2', { class: 'modal-title' }, modal.title),
      fields,
      status,
      el('div', { class: 'modal-actions' }, cancel, submit),
    );
    const dialog = el('dialog', { class: 'modal', 'aria-label': modal.title }, form);
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const values = Object.fromEntries([...controls].map(([key, control]) => [key, control.value]));
      submit.disabled = true;
      status.textContent = '';
      try {
        const answer = await api('/api/modal', { user: person.name, modalId: modal.id, values });
        if (answer.errors) {
          showErrors(answer.errors);
          return;
        }
        finish(answer);
      } catch (err) {
        status.textContent = err.message;
      } finally {
        submit.disabled = false;
      }
    });

    function showErrors(errors) {
      let first = null;
      for (const [key, node] of errorOf) {
        const message = errors[key];
        node.hidden = !message;
        node.textContent = message ?? '';
        controls.get(key).setAttribute('aria-invalid', message ? 'true' : 'false');
        if (message && !first) first = controls.get(key);
      }
      first?.focus();
    }

    function finish(answer) {
      dialog.close();
      dialog.remove();
      resolve(answer);
    }

    document.body.append(dialog);
    dialog.showModal();
    controls.get(modal.fields[0]?.id)?.focus();
  });
}

import { type APIModalInteractionResponseCallbackData, ComponentType, type ModalSubmitInteraction, TextInputStyle } from 'discord.js';
import type { Modal, ModalField } from '../../core/reply.js';

/**
 * A core Modal as Discord's (interaction callback 9). Each field is a Label (type 18) holding a text
 * input or a string select, the layout that lets a modal carry a select at all.
 */
export function toDiscordModal(modal: Modal): APIModalInteractionResponseCallbackData {
  return { custom_id: modal.submit, title: modal.title, components: modal.fields.map(labelled) };
}

function labelled(field: ModalField): APIModalInteractionResponseCallbackData['components'][number] {
  const required = field.optional !== true;
  if (field.style === 'select') {
    const options = (field.choices ?? []).map((c) => ({ label: c.label, value: c.value, ...(c.value === field.value ? { default: true } : {}) }));
    return {
      type: ComponentType.Label,
      label: field.label,
      component: {
        type: ComponentType.StringSelect,
        custom_id: field.id,
        options,
        required,
        min_values: required ? 1 : 0,
        max_values: 1,
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
      },
    };
  }
  return {
    type: ComponentType.Label,
    label: field.label,
    component: {
      type: ComponentType.TextInput,
      custom_id: field.id,
      style: field.style === 'long' ? TextInputStyle.Paragraph : TextInputStyle.Short,
      required,
      ...(field.placeholder ? { placeholder: field.placeholder } : {}),
      ...(field.maxLength ? { max_length: field.maxLength } : {}),
      ...(field.value ? { value: field.value } : {}),
    },
  };
}

/** What a modal submission says, field id → value (a select's one choice; '' when left empty). */
export function readModalValues(i: ModalSubmitInteraction): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [id, data] of i.fields.fields) {
    if (data.type === ComponentType.TextInput) values[id] = data.value;
    else if (data.type === ComponentType.StringSelect) values[id] = data.values?.[0] ?? '';
  }
  return values;
}

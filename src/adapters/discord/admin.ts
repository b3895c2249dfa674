import { type Interaction, PermissionFlagsBits } from 'discord.js';

/**
 * Admin means Manage Server, or the role named in DISCORD_ADMIN_ROLE (by name, case-insensitively, or by
 * id). DMs have no admins. When the guild is not cached, the member arrives as raw role ids and the
 * names come from the guild's role cache, which GUILD_CREATE filled.
 */
export function isAdmin(interaction: Interaction, adminRole: string | null): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  if (!adminRole) return false;
  const wanted = adminRole.trim().toLowerCase();
  const member = interaction.member;
  const roleIds: readonly string[] = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return roleIds.some((id) => {
    if (id === adminRole.trim()) return true;
    const name = interaction.guild?.roles.cache.get(id)?.name;
    return name !== undefined && name.toLowerCase() === wanted;
  });
}

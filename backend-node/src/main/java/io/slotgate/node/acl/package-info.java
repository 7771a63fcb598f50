/**
 * Access control of the node, as Redis 7.0 does it: ACL users, {@code requirepass} as the password of the user
 * "default", and protected mode.
 *
 * <ul>
 *   <li>{@link io.slotgate.node.acl.AclCommandTable}: every command and subcommand of routing's Redis 7.0 table
 *       gets a bit id; categories are bit sets over them.</li>
 *   <li>{@link io.slotgate.node.acl.AclUsers}: the node's users (node-local, never gossiped, no aclfile). ACL
 *       SETUSER applies rules to a copy ({@code UserRules}) and publishes an immutable
 *       {@link io.slotgate.node.acl.AclUser}, which connections read without locks.</li>
 *   <li>{@link io.slotgate.node.acl.AclCheck}: the dispatcher's one check before a command (command bit, key
 *       patterns, channel patterns); a user allowed everything skips it with one field test.</li>
 *   <li>{@link io.slotgate.node.acl.AclDescriber}: ACL LIST / GETUSER text, rebuilt from the bits like Redis
 *       7.0 (single-command rules in command-table order; Redis uses its hash order).</li>
 *   <li>{@link io.slotgate.node.acl.AclLog}, {@link io.slotgate.node.acl.AclCommand},
 *       {@link io.slotgate.node.acl.ProtectedMode}.</li>
 * </ul>
 * Not supported: selectors in parentheses, aclfile (ACL LOAD/SAVE answer as Redis without one). %R~/%W~ key
 * patterns ask each key for the union of the access flags of the command's key specs (Redis asks per key spec;
 * SET without GET is special-cased to write-only as Redis does).
 */
package io.slotgate.node.acl;

import {
  type AuthUser,
  type Colleague,
  mayBeNational,
  type Page,
  type Role,
  type UserAccount,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { passwordProblem } from '../common/auth/password-policy';
import { DomainException } from '../common/errors/domain-exception';
import { escapeLike, paginate } from '../common/http/paging';
import { updateVersioned } from '../common/persistence/versioned-update';
import { type Actor, canSee, scopeQuery } from '../common/scope/territory-scope';
import { Departement } from '../territory/entities/departement.entity';
import { AccountSecurity } from './account-security';
import type { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.dto';
import { User } from './user.entity';

const SORTABLE = {
  email: 'u.email',
  displayName: 'u.displayName',
  role: 'u.role',
  lastLoginAt: 'u.lastLoginAt',
  createdAt: 'u.createdAt',
};

/** Who is signed in, as the session answers it. */
export function toAuthUser(user: User): AuthUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    departementCode: user.departementCode,
  };
}

export function toUserAccount(user: User): UserAccount {
  return {
    ...toAuthUser(user),
    isActive: user.isActive,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    version: user.version,
  };
}

type AuditActor = Actor & { email?: string };

/** The password rule of `passwordProblem`, as a 400 naming the field. */
export function assertStrongPassword(password: string, owner: Parameters<typeof passwordProblem>[1]): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw new DomainException('BAD_INPUT', `password : ${problem}`);
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly security: AccountSecurity,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListUsersQuery): Promise<Page<UserAccount>> {
    const qb = scopeQuery(this.db.getRepository(User).createQueryBuilder('u'), actor);
    if (query.q) qb.andWhere('(u.email ILIKE :q OR u.displayName ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.active !== undefined) qb.andWhere('u.isActive = :active', { active: query.active });
    return paginate(qb, query, SORTABLE, 'email:asc', toUserAccount);
  }

  /** Active accounts of the actor's département (all for a national actor): id, name and role only. */
  async colleagues(actor: Actor, roles?: Role[]): Promise<Colleague[]> {
    const qb = scopeQuery(this.db.getRepository(User).createQueryBuilder('u'), actor).andWhere('u.isActive = true');
    if (roles?.length) qb.andWhere('u.role IN (:...roles)', { roles });
    const rows = await qb.orderBy('u.displayName', 'ASC').limit(500).getMany();
    return rows.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      role: u.role,
      departementCode: u.departementCode,
    }));
  }

  async get(actor: Actor, id: string): Promise<UserAccount> {
    return toUserAccount(await this.findVisible(this.db.manager, actor, id));
  }

  async create(actor: AuditActor, dto: CreateUserDto): Promise<UserAccount> {
    const departementCode = dto.departementCode ?? null;
    assertStrongPassword(dto.password, { email: dto.email, displayName: dto.displayName, departementCode });
    return this.db.transaction(async (manager) => {
      await this.checkAssignment(manager, actor, dto.role, departementCode);
      if (await manager.getRepository(User).existsBy({ email: dto.email })) {
        throw new DomainException('DUPLICATE', 'Un compte existe déjà avec cette adresse e-mail.');
      }
      const repo = manager.getRepository(User);
      const user = await repo.save(
        repo.create({
          email: dto.email,
          displayName: dto.displayName,
          role: dto.role,
          departementCode,
          passwordHash: await this.security.hashPassword(dto.password),
          isActive: true,
          lastLoginAt: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'created',
        entityType: 'user',
        entityId: user.id,
        departementCode,
        after: toUserAccount(user) as unknown as Record<string, unknown>,
      });
      return toUserAccount(user);
    });
  }

  async update(actor: AuditActor, id: string, dto: UpdateUserDto): Promise<UserAccount> {
    const { version, ...changes } = dto;
    return this.change(actor, id, version, 'updated', async (manager, before) => {
      const role = changes.role ?? before.role;
      const departementCode = changes.departementCode === undefined ? before.departementCode : changes.departementCode;
      if (before.id === actor.id && role !== before.role) {
        throw new DomainException('INVALID_STATE', 'Vous ne pouvez pas changer votre propre rôle.');
      }
      await this.checkAssignment(manager, actor, role, departementCode);
      return { ...changes, departementCode };
    });
  }

  setActive(actor: AuditActor, id: string, version: number, isActive: boolean): Promise<UserAccount> {
    return this.change(actor, id, version, isActive ? 'activated' : 'deactivated', async (_, before) => {
      if (before.id === actor.id && !isActive) {
        throw new DomainException('INVALID_STATE', 'Vous ne pouvez pas désactiver votre propre compte.');
      }
      return { isActive };
    });
  }

  async resetPassword(actor: AuditActor, id: string, version: number, password: string): Promise<UserAccount> {
    return this.change(actor, id, version, 'password_reset', async (_, before) => {
      assertStrongPassword(password, before);
      return { passwordHash: await this.security.hashPassword(password) };
    });
  }

  /** Loads, checks, updates with the version, ends sessions when needed and audits, in one transaction. */
  private change(
    actor: AuditActor,
    id: string,
    version: number,
    action: string,
    compute: (manager: EntityManager, before: User) => Promise<Partial<User>>,
  ): Promise<UserAccount> {
    return this.db.transaction(async (manager) => {
      const before = await this.findVisible(manager, actor, id);
      const changes = await compute(manager, before);
      await updateVersioned(manager, User, id, version, changes, 'Compte');
      const after = await manager.getRepository(User).findOneByOrFail({ id });
      if (!after.isActive || 'passwordHash' in changes) await this.security.endSessions(id, manager);
      await this.audit.record(manager, actor, {
        action,
        entityType: 'user',
        entityId: id,
        departementCode: after.departementCode,
        before: toUserAccount(before) as unknown as Record<string, unknown>,
        after: toUserAccount(after) as unknown as Record<string, unknown>,
      });
      return toUserAccount(after);
    });
  }

  private async findVisible(manager: EntityManager, actor: Actor, id: string): Promise<User> {
    const user = await manager.getRepository(User).findOneBy({ id });
    if (!user || !canSee(actor, user.departementCode)) throw DomainException.notFound('Compte');
    return user;
  }

  /** Only admins may be national; a département admin manages accounts of its own département. */
  private async checkAssignment(
    manager: EntityManager,
    actor: Actor,
    role: User['role'],
    departementCode: string | null,
  ) {
    if (departementCode === null) {
      if (!mayBeNational(role)) {
        throw new DomainException(
          'BAD_INPUT',
          'departementCode : obligatoire pour ce rôle (seul un administrateur peut être national).',
        );
      }
      if (actor.departementCode !== null) {
        throw new DomainException('FORBIDDEN', 'Seul un administrateur national peut créer un compte national.');
      }
      return;
    }
    if (!canSee(actor, departementCode)) {
      throw new DomainException('FORBIDDEN', 'Vous ne pouvez pas gérer les comptes d’un autre département.');
    }
    if (!(await manager.getRepository(Departement).existsBy({ code: departementCode }))) {
      throw new DomainException(
        'BAD_INPUT',
        `departementCode : le département ${departementCode} n’est pas servi par cette installation.`,
      );
    }
  }
}

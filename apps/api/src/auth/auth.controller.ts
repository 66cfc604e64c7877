import type { AuthUser, LoginResponse } from '@maillage/shared/domain';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Allow, Public, SESSION_COOKIE } from '../common/auth/allow.decorator';
import { CurrentUser, type AuthenticatedRequest } from '../common/auth/current-user.decorator';
import { AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  @ApiOperation({ summary: 'Ouvre une session (jeton Bearer et cookie HttpOnly).' })
  @ApiTooManyRequestsResponse({ description: 'Trop de tentatives' })
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const result = await this.auth.login(dto.email, dto.password, { ip: req.ip, userAgent: req.get('user-agent') });
    res.cookie(SESSION_COOKIE, result.accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.COOKIE_SECURE === 'auto' ? req.secure : this.config.COOKIE_SECURE === 'true',
      path: '/',
      expires: new Date(result.expiresAt),
    });
    return result;
  }

  @ApiOperation({ summary: 'Ferme la session courante, côté serveur.' })
  @Allow('session.own')
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (req.sessionId) await this.sessions.revoke(req.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @ApiOperation({
    summary: 'Change son propre mot de passe (mot de passe actuel exigé) ; ses autres sessions prennent fin.',
  })
  @Allow('session.own')
  @Post('password')
  @HttpCode(204)
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    await this.auth.changePassword(
      user,
      req.sessionId ?? '00000000-0000-0000-0000-000000000000',
      dto.currentPassword,
      dto.newPassword,
    );
  }

  @ApiOperation({ summary: 'L’utilisateur connecté.' })
  @Allow('session.own')
  @Get('me')
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}

// a plaintext secret is a validation error at or above validation.fail_on: config:deploy refuses (even --force
// would), fails the build with a MojoFailureException, writes nothing to the target, and masks the secret
def log = new File(basedir, 'build.log').text
assert log.contains('refused by validation')
assert log.contains('config-cicd deploy: deploy of development refused')
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat io.configcicd') : 'stack trace in build.log'
assert !log.contains('plain-Text-Secret-77') : 'the secret is in build.log'
assert !new File(basedir, 'build/deployed').exists() : 'a refused deploy wrote the target'
assert !new File(basedir, 'configuration/.config-cicd/deployments').exists() : 'a refused deploy wrote a journal entry'
assert new File(basedir, 'target/config-cicd/deploy.json').text.contains('"status" : "refused"')
true
